import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, openRequest, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Lists that orient and writing that is never lost (docs/product.md §2, §3). Other specs open and
// change alice's requests at the same time: counts are checked against what the same page shows,
// never against fixed numbers.

async function expectNoAxeViolations(page: Page) {
  await expectAccessible(page);
}

const resultCount = (page: Page) => page.getByTestId("result-count");
const statusTabs = (page: Page) => page.getByRole("navigation", { name: "Requests by status" });
const rowIds = async (page: Page) =>
  (await page.getByRole("table").locator("tbody tr td:nth-child(2)").allTextContents()).map((text) => Number(text.replace("#", "")));

test.describe("My Requests orients", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "alice@acme.test");
    await expectSignedIn(page);
  });

  test("says which rows of how many, and where the next page starts", async ({ page }) => {
    const [, total] = /^1–25 of (\d+)$/.exec((await resultCount(page).textContent()) ?? "") ?? [];
    expect(Number(total)).toBeGreaterThan(25);
    await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" }).click();
    await expect(resultCount(page)).toHaveText(/^26–\d+ of \d+$/);
    await expectNoAxeViolations(page);
  });

  test("counts each status on its tab, and a tab shows just that status", async ({ page }) => {
    const tabs = statusTabs(page);
    await expect(tabs.getByRole("link", { name: /^All \d+$/ })).toHaveAttribute("aria-current", "page");
    for (const name of ["Open", "Pending", "On-hold", "Solved"]) await expect(tabs.getByRole("link", { name: new RegExp(`^${name} \\d+$`) })).toBeVisible();

    await tabs.getByRole("link", { name: /^Solved \d+$/ }).click();
    await expect(page).toHaveURL(/status=solved/);
    const solvedTab = statusTabs(page).getByRole("link", { name: /^Solved \d+$/ });
    await expect(solvedTab).toHaveAttribute("aria-current", "page");
    const solved = Number((await solvedTab.getByTestId("status-count").textContent()) ?? "");
    expect(solved).toBeGreaterThan(0);
    // The tab's count and the list's total come from the same reading.
    await expect(resultCount(page)).toHaveText(new RegExp(`^1–${Math.min(solved, 25)} of ${solved}$`));
    const statuses = await page.getByRole("table").locator("tbody tr td:nth-child(5) > span:first-child").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Solved"]));
    await expectNoAxeViolations(page);
    // And in the dark theme, which the system's setting chooses.
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoAxeViolations(page);
  });

  test("sorts by a column header, and says the order", async ({ page }) => {
    const created = page.getByRole("columnheader", { name: "Created" });
    await expect(page.getByRole("columnheader", { name: "Last activity" })).toHaveAttribute("aria-sort", "descending");
    await expect(created).not.toHaveAttribute("aria-sort");

    await created.getByRole("link").click();
    await expect(page).toHaveURL(/sort=created/);
    await expect(page.getByRole("columnheader", { name: "Created" })).toHaveAttribute("aria-sort", "descending");
    const newestFirst = await rowIds(page);
    // Request numbers follow creation.
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));

    await page.getByRole("columnheader", { name: "Created" }).getByRole("link").click();
    await expect(page).toHaveURL(/order=asc/);
    await expect(page.getByRole("columnheader", { name: "Created" })).toHaveAttribute("aria-sort", "ascending");
    const oldestFirst = await rowIds(page);
    expect(oldestFirst).toEqual([...oldestFirst].sort((a, b) => a - b));
    expect(oldestFirst[0]).toBeLessThan(newestFirst[0]!);
  });

  test("shows priority with an icon as well as its colour and name", async ({ page }) => {
    const badge = page.getByRole("table").locator("[data-priority]").first();
    await expect(badge).toHaveText(/^S[1-4]-\S+$/);
    await expect(badge.locator('svg[aria-hidden="true"]')).toHaveCount(1);
  });
});

test.describe("writing", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "dave@acme.test");
    await expectSignedIn(page);
  });

  test("Preview renders a table and a task list, sanitized, and Write gives the text back", async ({ page }) => {
    await page.goto("/requests/new");
    const text = "| Version | Works |\n| --- | --- |\n| 4.2 | yes |\n\n- [x] Restarted\n- [ ] Reinstalled\n\n<script>window.previewRan = true</script>";
    await page.getByLabel("Description").fill(text);
    await page.getByRole("tab", { name: "Preview" }).click();
    const preview = page.getByRole("tabpanel", { name: "Preview" });
    await expect(preview.getByRole("cell", { name: "4.2" })).toBeVisible();
    await expect(preview.getByRole("checkbox")).toHaveCount(2);
    await expect(preview.getByRole("checkbox", { name: "Restarted" })).toBeChecked();
    await expect(preview.getByRole("checkbox").first()).toBeDisabled();
    await expect(preview.getByRole("checkbox").first()).toBeChecked();
    await expect(preview.getByText("<script>window.previewRan = true</script>")).toBeVisible();
    expect(await page.evaluate(() => (window as { previewRan?: boolean }).previewRan)).toBeUndefined();
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoAxeViolations(page);

    await page.getByRole("tab", { name: "Write" }).click();
    await expect(page.getByLabel("Description")).toHaveValue(text);
  });

  test("a refused new request keeps the description, and the draft survives a reload", async ({ page }) => {
    await page.goto("/requests/new");
    const description = `Draft kept ${Date.now()}: **bold** text`;
    await page.getByLabel("Description").pressSequentially(description.slice(0, 12));
    await page.getByLabel("Description").fill(description);
    await page.reload();
    await expect(page.getByLabel("Description")).toHaveValue(description);

    // No subject: refused, and the description is still there.
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page.getByRole("main").getByRole("alert").filter({ hasText: "The request was not submitted" })).toBeVisible();
    await expect(page.getByLabel("Description")).toHaveValue(description);
  });

  test("a refused reply keeps its text, and a reply's draft survives a reload until it is sent", async ({ page }) => {
    const id = await openRequest(page, { subject: `Lists and writing ${Date.now()}`, description: "A request to reply to.", priority: "S4-Question" });
    const reply = page.getByRole("textbox", { name: "Your reply" });

    // Too long: the browser's limit is lifted to send it anyway; the server refuses, the text stays.
    const tooLong = `Too long ${"x".repeat(20_000)}`;
    await reply.evaluate((field) => field.removeAttribute("maxlength"));
    await reply.fill(tooLong);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByText("Keep the reply under 20,000 characters.")).toBeVisible();
    await expect(reply).toHaveValue(tooLong);

    const draft = `Still here after a reload ${Date.now()}`;
    await reply.fill(draft);
    await page.reload();
    await expect(page.getByRole("textbox", { name: "Your reply" })).toHaveValue(draft);
    await expectNoAxeViolations(page);

    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("form", { name: "Reply" }).getByRole("status")).toContainText("Your reply was sent.");
    await page.goto(`/requests/${id}`);
    await expect(page.getByRole("textbox", { name: "Your reply" })).toHaveValue("");
  });
});
