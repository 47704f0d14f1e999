import { expect, test, type Browser, type Page } from "@playwright/test";
import { INTERNAL_ONLY_WORD } from "../../prisma/seed/demo-data";
import { collectScriptErrors, expectHydrated, openRequest, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// The agent queue as agents see it, and the 404 everyone else gets. Read-only, except the bulk
// actions, which change requests the test opens itself.

const CUSTOMERS = ["alice@acme.test", "bob@acme.test", "carol@acme.test", "dave@acme.test", "erin@acme.test", "gina@globex.test"];

async function signInAsAgent(page: Page) {
  await signIn(page, "agent@portico.test");
  // Agents land on the queue.
  await expect(page).toHaveURL(/\/agent$/);
}

/** A word no other request has, to find this test's requests by. */
function uniqueWord(): string {
  return Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join("");
}

/** Opens requests as a customer, in a context of its own; their ids. */
async function openRequestsAsCustomer(browser: Browser, subjects: string[]): Promise<number[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, "dave@acme.test");
    await expect(page).toHaveURL(/\/requests$/);
    const ids: number[] = [];
    for (const subject of subjects) ids.push(await openRequest(page, { subject, description: "Opened for the queue's bulk actions.", priority: "S4-Question" }));
    return ids;
  } finally {
    await context.close();
  }
}

const openFilters = (page: Page) => page.getByRole("search").getByText("Filters", { exact: true }).click();

const queueTable = (page: Page) => page.getByRole("table");
/** The text of one column's cells, by the column's position. */
async function columnTexts(page: Page, column: number) {
  return queueTable(page).locator(`tbody tr td:nth-child(${column})`).allInnerTexts();
}

test.describe("Agent queue", () => {
  test.describe("in a browser fourteen hours from the agent's time zone", () => {
    test.use({ timezoneId: "Pacific/Kiritimati" });

    test("its rows are hydrated as the server wrote them, without an error", async ({ page }) => {
      const errors = collectScriptErrors(page);
      await signInAsAgent(page);
      const rows = queueTable(page).locator("tbody tr");
      await expect(rows.first()).toBeVisible();
      await expectHydrated(rows.first());
      await expectHydrated(rows.last().locator("time").last());
      expect(errors).toEqual([]);
    });
  });

  test("an agent opens the queue from the profile menu and sees requests of both organizations", async ({ page }) => {
    await signInAsAgent(page);
    await page.getByRole("button", { name: /Morgan Ellis/ }).click();
    await page.getByRole("link", { name: "Agent console" }).click();
    await expect(page).toHaveURL(/\/agent$/);
    await expect(page.getByRole("heading", { name: "Queue", level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: "Queue" })).toHaveAttribute("aria-current", "page");
    await expect(queueTable(page).locator("tbody tr").first()).toBeVisible();

    for (const organization of ["Acme Corporation", "Globex"]) {
      await openFilters(page);
      await page.getByLabel("Organization", { exact: true }).selectOption({ label: organization });
      await page.getByRole("button", { name: "Apply" }).click();
      await expect(page).toHaveURL(/organization=/);
      await expect(queueTable(page).locator("tbody tr").first()).toBeVisible();
      expect(new Set(await columnTexts(page, 5))).toEqual(new Set([organization]));
    }
  });

  test("filters by service-level state", async ({ page }) => {
    await signInAsAgent(page);
    await page.goto("/agent");
    await openFilters(page);
    await page.getByRole("radio", { name: "Breached" }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/sla=breached/);
    // The filters fold away again; open, they show the choice made.
    await openFilters(page);
    await expect(page.getByRole("radio", { name: "Breached" })).toBeChecked();
    const dues = await columnTexts(page, 9);
    if (dues.length === 0) await expect(page.getByRole("heading", { name: "No matching requests" })).toBeVisible();
    for (const due of dues) expect(due).toContain("Breached");

    await page.getByRole("radio", { name: "Not due soon" }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/sla=fine/);
    for (const due of await columnTexts(page, 9)) {
      expect(due).not.toContain("Breached");
      expect(due).not.toContain("Due soon");
    }
  });

  test("finds a word that only an internal note holds, and says it was an internal note", async ({ page }) => {
    await signInAsAgent(page);
    await page.goto("/agent");
    await page.getByLabel("Search all requests").fill(INTERNAL_ONLY_WORD);
    await openFilters(page);
    await page.getByRole("checkbox", { name: "Solved" }).check();
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByRole("heading", { name: `Results for “${INTERNAL_ONLY_WORD}”` })).toBeVisible();
    await expect(queueTable(page).getByText("Found in Internal note:").first()).toBeVisible();
    await expect(queueTable(page).locator("mark", { hasText: INTERNAL_ONLY_WORD }).first()).toBeVisible();
  });

  test("has no accessibility violations, with the filters and the shortcuts open too", async ({ page }) => {
    await signInAsAgent(page);
    await expect(queueTable(page)).toBeVisible();
    await expectAccessible(page);
    await openFilters(page);
    await expect(page.getByLabel("Organization", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
    await expectAccessible(page);
  });

  test("agents land on the queue after signing in; a page asked for still wins", async ({ page }) => {
    await signInAsAgent(page);
    await expect(page.getByRole("heading", { name: "Queue", level: 1 })).toBeVisible();
    await page.context().clearCookies();
    await page.goto("/agent/people");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fagent%2Fpeople$/);
    await page.getByLabel("Email").fill("agent@portico.test");
    await page.getByLabel("Password").fill("portico-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/agent\/people$/);
  });

  test("saved views: each is one click, marked current, with the count the page's total says", async ({ page }) => {
    await signInAsAgent(page);
    const views = page.getByRole("navigation", { name: "Saved views" });
    const cases = [
      { name: "Mine", url: /\/agent\?assignee=me$/ },
      { name: "Unassigned", url: /\/agent\?assignee=unassigned$/ },
      { name: "Breached", url: /\/agent\?sla=breached$/ },
      { name: "Due soon", url: /\/agent\?sla=due_soon$/ },
      { name: "All unsolved", url: /\/agent$/ },
    ];
    for (const { name, url } of cases) {
      const link = views.getByRole("link", { name: new RegExp(`^${name} \\d+ requests?$`) });
      await link.click();
      await expect(page).toHaveURL(url);
      await expect(views.getByRole("link", { name: new RegExp(`^${name} `) })).toHaveAttribute("aria-current", "page");
      const count = Number(await views.getByRole("link", { name: new RegExp(`^${name} `) }).locator('[aria-hidden="true"]').innerText());
      if (count === 0) {
        await expect(queueTable(page)).toHaveCount(0);
      } else {
        // "1–25 of 31": the view's count is the page's total.
        await expect(page.getByText(new RegExp(`^Requests shown: 1–\\d+ of ${count.toLocaleString("en")}$`))).toBeVisible();
        expect(await queueTable(page).locator("tbody tr").count()).toBe(Math.min(count, 25));
      }
    }
  });

  test("column headers sort the queue, and say how", async ({ page }) => {
    await signInAsAgent(page);
    const header = (name: string) => queueTable(page).getByRole("columnheader", { name: new RegExp(`^${name}`) });
    await expect(header("Due")).toHaveAttribute("aria-sort", "ascending");
    await expect(header("Created")).not.toHaveAttribute("aria-sort");

    await header("Created").getByRole("link").click();
    await expect(page).toHaveURL(/\/agent\?sort=created$/);
    await expect(header("Created")).toHaveAttribute("aria-sort", "descending");
    await expect(header("Due")).not.toHaveAttribute("aria-sort");
    const newestFirst = await queueTable(page).locator("tbody tr td:nth-child(3)").allInnerTexts();
    const ids = newestFirst.map((text) => Number(text.replace("#", "")));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    await header("Created").getByRole("link").click();
    await expect(page).toHaveURL(/\/agent\?sort=created&order=asc$/);
    await expect(header("Created")).toHaveAttribute("aria-sort", "ascending");
    const oldestFirst = (await queueTable(page).locator("tbody tr td:nth-child(3)").allInnerTexts()).map((text) => Number(text.replace("#", "")));
    expect(oldestFirst).toEqual([...oldestFirst].sort((a, b) => a - b));

    await header("Last activity").getByRole("link").click();
    await expect(page).toHaveURL(/\/agent\?sort=activity$/);
    await expect(header("Last activity")).toHaveAttribute("aria-sort", "descending");
  });

  test("at 1280×800 at least 15 rows show without scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAsAgent(page);
    const rows = queueTable(page).locator("tbody tr");
    await expect(rows.nth(14)).toBeVisible();
    const box = await rows.nth(14).boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y + box!.height).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // Nothing wider than the screen either: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  test("bulk actions assign and set the status of the selected requests, each as on its page", async ({ page, browser }) => {
    const word = uniqueWord();
    const ids = await openRequestsAsCustomer(browser, [`Bulk one ${word}`, `Bulk two ${word}`]);
    await signInAsAgent(page);
    await page.goto(`/agent?q=${word}`);
    const rows = queueTable(page).locator("tbody tr");
    await expect(rows).toHaveCount(2);
    const bulk = page.getByRole("form", { name: "Change the selected requests" });

    // Nothing selected: a clear message, nothing changed.
    await bulk.getByRole("button", { name: "Assign" }).click();
    await expect(bulk.getByRole("alert")).toHaveText("Select at least one request first.");

    await queueTable(page).getByRole("checkbox", { name: "Select every request on this page" }).check();
    await expect(bulk.getByText("2 selected")).toBeVisible();
    await bulk.getByLabel("Assign to…").selectOption({ label: "Me" });
    await bulk.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByRole("status")).toHaveText("2 requests updated");
    await expect(rows.locator("td:nth-child(8)")).toHaveText(["Morgan Ellis", "Morgan Ellis"]);
    // Done: the selection starts afresh.
    await expect(bulk.getByText("None selected")).toBeVisible();

    await rows.first().getByRole("checkbox").check();
    await rows.nth(1).getByRole("checkbox").check();
    await bulk.getByLabel("Set status…").selectOption({ label: "Pending" });
    await bulk.getByRole("button", { name: "Set status" }).click();
    await expect(page.getByRole("status")).toHaveText("2 requests updated");
    await expect(rows.locator("td:nth-child(6)")).toHaveText(["Pending", "Pending"]);

    // Again: the domain refuses each, and the summary says which and why.
    await queueTable(page).getByRole("checkbox", { name: "Select every request on this page" }).check();
    await bulk.getByRole("button", { name: "Set status" }).click();
    const [low, high] = [...ids].sort((a, b) => a - b);
    await expect(page.getByRole("status")).toHaveText(`No request changed, 2 refused: #${low} (already has this status), #${high} (already has this status)`);

    // Each change is in the request's own history, as if made on its page.
    await page.goto(`/agent/requests/${ids[0]}`);
    await expect(page.getByText(/Morgan Ellis.*Pending|Pending.*Morgan Ellis/).first()).toBeVisible();
  });

  test("keyboard: j and k move through the rows, x selects, Enter opens, ? lists the shortcuts", async ({ page }) => {
    await signInAsAgent(page);
    const rows = queueTable(page).locator("tbody tr");
    await expect(rows.nth(2)).toBeVisible();

    // Not while typing in a field.
    await page.getByLabel("Search all requests").press("j");
    await expect(page.getByLabel("Search all requests")).toHaveValue("j");
    await expect(queueTable(page).locator("tr[data-current]")).toHaveCount(0);
    await page.getByLabel("Search all requests").fill("");
    await page.getByRole("heading", { name: "Queue", level: 1 }).click();

    // A key pressed before the page is interactive does nothing: press again until it is heard.
    await expect(async () => {
      if ((await queueTable(page).locator("tr[data-current]").count()) === 0) await page.keyboard.press("j");
      await expect(rows.first()).toHaveAttribute("data-current", "", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(rows.first().getByRole("link").first()).toBeFocused();
    await page.keyboard.press("j");
    await page.keyboard.press("j");
    await expect(rows.nth(2)).toHaveAttribute("data-current", "");
    await page.keyboard.press("k");
    await expect(rows.nth(1)).toHaveAttribute("data-current", "");
    await expect(rows.nth(2)).not.toHaveAttribute("data-current");
    await expect(rows.nth(1).getByRole("link").first()).toBeFocused();

    await page.keyboard.press("x");
    await expect(rows.nth(1).getByRole("checkbox")).toBeChecked();
    await expect(page.getByText("1 selected")).toBeVisible();
    await page.keyboard.press("x");
    await expect(rows.nth(1).getByRole("checkbox")).not.toBeChecked();

    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    for (const line of ["Next request", "Previous request", "Open the request", "Select or deselect the request", "Write a public reply", "Write an internal note"]) {
      await expect(dialog.getByText(line, { exact: true })).toBeVisible();
    }
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    const id = (await rows.nth(1).locator("td:nth-child(3)").innerText()).replace("#", "");
    await rows.nth(1).getByRole("link").first().focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/agent/requests/${id}$`));
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
