import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { INTERNAL_ONLY_WORD } from "../../prisma/seed/demo-data";
import { signIn } from "./fixtures";

// Read-only: the agent queue as agents see it, and the 404 everyone else gets.

const CUSTOMERS = ["alice@acme.test", "bob@acme.test", "carol@acme.test", "dave@acme.test", "erin@acme.test", "gina@globex.test"];

async function signInAsAgent(page: Page) {
  await signIn(page, "agent@portico.test");
  await expect(page).toHaveURL(/\/requests$/);
}

const queueTable = (page: Page) => page.getByRole("table");
/** The text of one column's cells, by the column's position. */
async function columnTexts(page: Page, column: number) {
  return queueTable(page).locator(`tbody tr td:nth-child(${column})`).allInnerTexts();
}

test.describe("Agent queue", () => {
  test("an agent opens the queue from the profile menu and sees requests of both organizations", async ({ page }) => {
    await signInAsAgent(page);
    await page.getByRole("button", { name: /Morgan Ellis/ }).click();
    await page.getByRole("link", { name: "Agent console" }).click();
    await expect(page).toHaveURL(/\/agent$/);
    await expect(page.getByRole("heading", { name: "Queue", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: "Queue" })).toHaveAttribute("aria-current", "page");
    await expect(queueTable(page).locator("tbody tr").first()).toBeVisible();

    for (const organization of ["Acme Corporation", "Globex"]) {
      await page.getByLabel("Organization", { exact: true }).selectOption({ label: organization });
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/organization=/);
      await expect(queueTable(page).locator("tbody tr").first()).toBeVisible();
      expect(new Set(await columnTexts(page, 4))).toEqual(new Set([organization]));
    }
  });

  test("filters by service-level state", async ({ page }) => {
    await signInAsAgent(page);
    await page.goto("/agent");
    await page.getByRole("radio", { name: "Breached" }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/sla=breached/);
    await expect(page.getByRole("radio", { name: "Breached" })).toBeChecked();
    const dues = await columnTexts(page, 8);
    if (dues.length === 0) await expect(page.getByRole("heading", { name: "No matching requests" })).toBeVisible();
    for (const due of dues) expect(due).toContain("Breached");

    await page.getByRole("radio", { name: "Not due soon" }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/sla=fine/);
    for (const due of await columnTexts(page, 8)) {
      expect(due).not.toContain("Breached");
      expect(due).not.toContain("Due soon");
    }
  });

  test("finds a word that only an internal note holds, and says it was an internal note", async ({ page }) => {
    await signInAsAgent(page);
    await page.goto("/agent");
    await page.getByLabel("Search all requests").fill(INTERNAL_ONLY_WORD);
    await page.getByRole("checkbox", { name: "Solved" }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("heading", { name: `Results for “${INTERNAL_ONLY_WORD}”` })).toBeVisible();
    await expect(queueTable(page).getByText("Found in Internal note:").first()).toBeVisible();
    await expect(queueTable(page).locator("mark", { hasText: INTERNAL_ONLY_WORD }).first()).toBeVisible();
  });

  test("has no accessibility violations", async ({ page }) => {
    await signInAsAgent(page);
    await page.goto("/agent");
    await expect(queueTable(page)).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations).toEqual([]);
  });

  test("sends anonymous visitors to sign in", async ({ page }) => {
    await page.goto("/agent?q=x");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fagent%3Fq%3Dx$/);
  });

  for (const email of CUSTOMERS) {
    test(`answers 404 to ${email}, with no trace of the console`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(/\/requests$/);
      for (const path of ["/agent", "/agent?q=x"]) {
        const response = await page.goto(path);
        expect(response?.status()).toBe(404);
        await expect(page.getByRole("navigation", { name: "Agent console" })).toHaveCount(0);
      }
      await page.goto("/requests");
      await page.getByRole("button", { name: /\w/ }).filter({ has: page.locator("span[aria-hidden]") }).first().click();
      await expect(page.getByRole("link", { name: "Support requests" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Agent console" })).toHaveCount(0);
    });
  }
});
