import { expect, test, type Page } from "@playwright/test";
import { withE2eDatabase } from "../setup/e2e-database";
import { expectAccessible } from "./accessibility";
import { signIn } from "./fixtures";

// The queue's Organization filter once a vendor has more organizations than a list holds (docs/product.md §4):
// the agent types part of a name. Named *.last.spec.ts: the organizations it adds turn every other spec's
// Organization list into that text field.

const HARBOUR_ORGANIZATIONS = 50;

test.beforeAll(async () => {
  await withE2eDatabase((db) =>
    db.query(
      `INSERT INTO "Organization" (id, name, slug) SELECT 'harbour-' || n, 'Harbour Trading ' || lpad(n::text, 2, '0'), 'harbour-' || n
       FROM generate_series(1, $1::int) n ON CONFLICT DO NOTHING`,
      [HARBOUR_ORGANIZATIONS],
    ),
  );
});

/** Opens the folded filters, unless they are open. */
async function openFilters(page: Page) {
  if ((await page.getByRole("search").locator("details").getAttribute("open")) === null) await page.getByRole("search").getByText("Filters", { exact: true }).click();
}

async function filterByOrganization(page: Page, typed: string) {
  await openFilters(page);
  await page.getByRole("textbox", { name: "Organization" }).fill(typed);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`organizationName=${encodeURIComponent(typed).replace(/%20/g, "\\+")}`));
}

test("an agent types part of an organization's name, and picks one of several it matches", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.70" } });
  const page = await context.newPage();
  await signIn(page, "agent@portico.test");
  await expect(page).toHaveURL(/\/agent$/);

  await filterByOrganization(page, "GLOBEX");
  await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
  expect(new Set(await page.getByRole("table").locator("tbody tr td:nth-child(5)").allInnerTexts())).toEqual(new Set(["Globex"]));
  await expectAccessible(page);

  await filterByOrganization(page, "harbour");
  await expect(page.getByText("More than 20 organizations' names contain “harbour”", { exact: false })).toBeVisible();
  await expect(page.getByRole("heading", { name: "No matching requests" })).toBeVisible();
  await page.getByRole("link", { name: "Harbour Trading 07" }).click();
  await expect(page).toHaveURL(/organizationName=Harbour\+Trading\+07/);
  await openFilters(page);
  await expect(page.getByRole("textbox", { name: "Organization" })).toHaveValue("Harbour Trading 07");
  await expect(page.getByText(/organizations' names contain/)).toHaveCount(0);

  await filterByOrganization(page, "nowhere");
  await expect(page.getByText("No organization's name contains “nowhere”.")).toBeVisible();

  // A link from before the list became a text box names the organization by id: the box shows its name.
  await page.goto("/agent?organization=harbour-12");
  await openFilters(page);
  await expect(page.getByRole("textbox", { name: "Organization" })).toHaveValue("Harbour Trading 12");
  await context.close();
});
