import { expect, test, type Page } from "@playwright/test";
import { INTERNAL_ONLY_WORD, PUBLIC_REPLY_ONLY_REQUEST_ID, PUBLIC_REPLY_ONLY_WORD, REQUEST_SCRIPTS } from "../../prisma/seed/demo-data";
import { DEMO_PASSWORD } from "./demo-accounts";
import { collectScriptErrors, expectHydrated, expectSignedIn, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// My Requests (docs/product.md §2). Read-only: other specs reply to and open requests at the same time,
// so these tests assert properties of the list (who sees what, order, columns), never exact counts
// or the exact rows of a list that those writes could change.

const COLUMNS = ["Subject", "ID", "Created", "Last activity", "Status"];
const GLOBEX_SUBJECTS = new Set(REQUEST_SCRIPTS.filter((script) => script.org === "globex").map((script) => script.subject));
const GLOBEX_IDS = new Set(REQUEST_SCRIPTS.filter((script) => script.org === "globex").map((script) => `#${script.id}`));
// Request 1010 (alice's) has bob in CC from the start.
const BOB_CCD_REQUEST = REQUEST_SCRIPTS.find((script) => script.id === 1010)!;

async function signInTo(page: Page, email: string, path = "/requests") {
  await signIn(page, email);
  await expectSignedIn(page);
  if (path !== "/requests") await page.goto(path);
}

/** Sign-in whatever language the page is in: by field names, not by labels. */
async function signInAnyLanguage(page: Page, email: string) {
  await page.goto("/signin");
  const form = page.getByRole("main").locator("form").first();
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/requests$/);
}

const table = (page: Page) => page.getByRole("table");
const rows = (page: Page) => table(page).locator("tbody tr");

async function columnHeaders(page: Page) {
  return (await table(page).getByRole("columnheader").allTextContents()).map((text) => text.trim());
}

/** The text of one column (0-based) in every row. */
async function columnTexts(page: Page, column: number) {
  return (await rows(page).locator(`td:nth-child(${column + 1})`).allTextContents()).map((text) => text.trim());
}

async function ids(page: Page) {
  return columnTexts(page, 1);
}

async function subjects(page: Page) {
  return (await rows(page).locator("td:first-child a").allTextContents()).map((text) => text.trim());
}

function scopeLink(page: Page, name: string) {
  return page.getByRole("navigation", { name: "Which requests" }).getByRole("link", { name, exact: true });
}

test.describe("My Requests", () => {
  test("alice sees her requests in the five columns of My Requests, never a Globex request", async ({ page }) => {
    await signInTo(page, "alice@acme.test");
    await expect(page).toHaveTitle("My Requests · Portico");
    await expect(page.getByRole("heading", { level: 1, name: "My Requests" })).toBeVisible();
    expect(await columnHeaders(page)).toEqual(COLUMNS);
    await expect(scopeLink(page, "My requests")).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("navigation", { name: "Which requests" }).getByRole("link", { name: "Organization" })).toHaveCount(0);
    await expect(rows(page)).toHaveCount(25);

    // How long ago in words, the exact moment on hover; the status as a labelled badge; each subject a link.
    for (const text of [...(await columnTexts(page, 2)), ...(await columnTexts(page, 3))]) expect(text).toMatch(/^(now|yesterday|last (month|year)|\d+ (minutes?|hours?|days|months|years) ago)$/);
    const firstCreated = rows(page).first().locator("td:nth-child(3) time");
    await expect(firstCreated).toHaveAttribute("title", /UTC$/);
    await expect(firstCreated).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    // A merged request says where it went (docs/product.md §4.3).
    for (const text of await columnTexts(page, 4)) expect(text).toMatch(/^(Open|Pending|On-hold|Solved|Solved · merged into #\d+)$/);
    const firstLink = rows(page).first().locator("td:first-child a");
    const firstId = (await ids(page))[0]!;
    await expect(firstLink).toHaveAttribute("href", `/requests/${firstId.slice(1)}`);

    // Every page of her list, following Next: nothing from Globex.
    const seen: string[] = [];
    for (;;) {
      for (const subject of await subjects(page)) expect(GLOBEX_SUBJECTS.has(subject), subject).toBe(false);
      seen.push(...(await ids(page)));
      const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" });
      if ((await next.count()) === 0) break;
      await next.click();
      await expect(page).toHaveURL(/after=/);
    }
    expect(seen.length).toBeGreaterThan(25);
    expect(seen.filter((id) => GLOBEX_IDS.has(id))).toEqual([]);
    expect(new Set(seen).size).toBe(seen.length);

    // Globex's request 1002, asked for by number, is not found.
    await page.goto("/requests?q=1002");
    await expect(page.getByRole("heading", { name: "No matching requests" })).toBeVisible();
    await expect(table(page)).toHaveCount(0);
  });

  test("bob's CC'd scope lists a request of alice's that he is CC'd on", async ({ page }) => {
    await signInTo(page, "bob@acme.test");
    await scopeLink(page, "CC'd").click();
    await expect(page).toHaveURL(/\/requests\?scope=ccd$/);
    await expect(scopeLink(page, "CC'd")).toHaveAttribute("aria-current", "page");
    await expect(page.getByText("Requests you are CC'd on.")).toBeVisible();
    const row = rows(page).filter({ has: page.getByRole("link", { name: BOB_CCD_REQUEST.subject, exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row.locator("td:nth-child(2)")).toHaveText(`#${BOB_CCD_REQUEST.id}`);
    expect(await columnHeaders(page)).toEqual(COLUMNS);
  });

  test("carol's Organization scope lists Acme requests of several requesters, with who asked", async ({ page }) => {
    await signInTo(page, "carol@acme.test");
    await scopeLink(page, "Organization").click();
    await expect(page).toHaveURL(/\/requests\?scope=organization$/);
    await expect(scopeLink(page, "Organization")).toHaveAttribute("aria-current", "page");
    expect(await columnHeaders(page)).toEqual([...COLUMNS, "Requester"]);
    const requesters = new Set(await columnTexts(page, 5));
    expect(requesters.size).toBeGreaterThan(1);
    expect([...requesters]).not.toContain("Gina Marchetti");
    for (const subject of await subjects(page)) expect(GLOBEX_SUBJECTS.has(subject), subject).toBe(false);

    // Her own scope has no Requester column.
    await scopeLink(page, "My requests").click();
    await expect(page).toHaveURL(/\/requests$/);
    expect(await columnHeaders(page)).toEqual(COLUMNS);
  });

  for (const email of ["dave@acme.test", "erin@acme.test"]) {
    test(`${email}, without a grant, has no Organization scope, and asking for it shows My requests`, async ({ page }) => {
      await signInTo(page, email);
      await expect(page.getByRole("navigation", { name: "Which requests" }).getByRole("link")).toHaveText(["My requests", "CC'd"]);
      await page.goto("/requests?scope=organization");
      await expect(scopeLink(page, "My requests")).toHaveAttribute("aria-current", "page");
      await expect(page.getByText("Organization requests need organization-level access")).toBeVisible();
      await expect(page.getByRole("columnheader", { name: "Requester" })).toHaveCount(0);
    });
  }

  test("an anonymous visitor of a view signs in and comes back to the same view", async ({ page }) => {
    await page.goto("/requests?scope=ccd&status=open");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frequests%3Fscope%3Dccd%26status%3Dopen$/);
    await page.getByLabel("Email").fill("bob@acme.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/requests\?scope=ccd&status=open$/);
    await expect(scopeLink(page, "CC'd")).toHaveAttribute("aria-current", "page");
  });
});

// The rows are laid out in the browser from texts the server formatted (dates in the viewer's time zone):
// a browser in another time zone hydrates them as they came, without a mismatch.
test.describe("My Requests' rows in a browser fourteen hours from the viewer's time zone", () => {
  test.use({ timezoneId: "Pacific/Kiritimati" });

  test("are hydrated as the server wrote them, without an error", async ({ page }) => {
    const errors = collectScriptErrors(page);
    await signIn(page, "carol@acme.test", "/requests?scope=organization");
    await expect(page.getByRole("columnheader", { name: "Requester" })).toBeVisible();
    await expectHydrated(rows(page).first());
    await expectHydrated(rows(page).last().locator("time").first());
    expect(errors).toEqual([]);
  });
});

test.describe("searching My Requests", () => {
  for (const { email, scope } of [
    { email: "alice@acme.test", scope: "My requests" },
    { email: "carol@acme.test", scope: "Organization" },
  ]) {
    test(`${email} (${scope}) finds a word of a public reply, highlighted, and never one of an internal note`, async ({ page }) => {
      await signInTo(page, email);
      await scopeLink(page, scope).click();
      await expect(scopeLink(page, scope)).toHaveAttribute("aria-current", "page");
      await page.getByRole("searchbox", { name: "Search your requests" }).fill(PUBLIC_REPLY_ONLY_WORD);
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`q=${PUBLIC_REPLY_ONLY_WORD}`));
      await expect(page.getByRole("heading", { name: `Results for “${PUBLIC_REPLY_ONLY_WORD}”` })).toBeVisible();
      expect(await ids(page)).toEqual([`#${PUBLIC_REPLY_ONLY_REQUEST_ID}`]);
      const subjectCell = rows(page).first().locator("td").first();
      await expect(subjectCell.locator("mark")).toHaveText([PUBLIC_REPLY_ONLY_WORD]);
      await expect(subjectCell).toContainText("Found in Responses:");

      await page.getByRole("searchbox", { name: "Search your requests" }).fill(INTERNAL_ONLY_WORD);
      await page.getByRole("button", { name: "Search", exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`q=${INTERNAL_ONLY_WORD}`));
      await expect(page.getByRole("heading", { name: "No matching requests" })).toBeVisible();
      await expect(page.getByText(`Nothing you can see matches “${INTERNAL_ONLY_WORD}”`)).toBeVisible();
      await expect(table(page)).toHaveCount(0);
      // The way back: clear the search, in the same scope.
      await page.getByRole("main").getByRole("link", { name: "Clear filters" }).last().click();
      await expect(rows(page).first()).toBeVisible();
      await expect(page.getByRole("searchbox", { name: "Search your requests" })).toHaveValue("");
      await expect(scopeLink(page, scope)).toHaveAttribute("aria-current", "page");
    });
  }

  test("a request number, with #, finds that request first", async ({ page }) => {
    await signInTo(page, "alice@acme.test");
    await page.getByRole("searchbox", { name: "Search your requests" }).fill(`#${PUBLIC_REPLY_ONLY_REQUEST_ID}`);
    await page.getByRole("searchbox", { name: "Search your requests" }).press("Enter");
    await expect(page).toHaveURL(new RegExp(`q=%23${PUBLIC_REPLY_ONLY_REQUEST_ID}`));
    await expect(rows(page).first().locator("td:nth-child(2)")).toHaveText(`#${PUBLIC_REPLY_ONLY_REQUEST_ID}`);
    await expect(rows(page).first().locator("td").first()).toContainText("Found in Request number:");
  });
});

test.describe("filtering, sorting and paging My Requests", () => {
  test("status filter and sort by creation, oldest first, through the form", async ({ page }) => {
    await signInTo(page, "alice@acme.test");
    await page.getByText("Filters and sorting").click();
    await page.getByRole("group", { name: "Status" }).getByRole("checkbox", { name: "Solved" }).check();
    await page.getByLabel("Sort by").selectOption({ label: "Created" });
    await page.getByLabel("Order").selectOption({ label: "Oldest first" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=solved/);
    await expect(page).toHaveURL(/sort=created/);
    await expect(page).toHaveURL(/order=asc/);

    await expect(rows(page).first()).toBeVisible();
    for (const text of await columnTexts(page, 4)) expect(text).toMatch(/^Solved( · merged into #\d+)?$/);
    const created = await rows(page).locator("td:nth-child(3) time").evaluateAll((times) => times.map((time) => time.getAttribute("datetime") ?? ""));
    expect(created.length).toBeGreaterThan(1);
    expect([...created].sort()).toEqual(created);
    await expect(page.getByRole("columnheader", { name: "Created" })).toHaveAttribute("aria-sort", "ascending");

    // The form shows the choices the URL holds.
    await expect(page.getByRole("group", { name: "Status" }).getByRole("checkbox", { name: "Solved" })).toBeChecked();
    await expect(page.getByLabel("Sort by")).toHaveValue("created");
    await expect(page.getByLabel("Order")).toHaveValue("asc");
  });

  test("Next then Previous comes back to the same first page, and a reloaded URL shows the same view", async ({ page }) => {
    // Oldest first by creation: requests that other tests open or answer meanwhile do not move these rows.
    await signInTo(page, "alice@acme.test", "/requests?sort=created&order=asc");
    await expect(rows(page)).toHaveCount(25);
    const firstPage = await ids(page);
    const pages = page.getByRole("navigation", { name: "Pages" });
    await expect(pages.getByRole("link", { name: "Previous" })).toHaveCount(0);

    await pages.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/sort=created&order=asc&after=/);
    await expect(rows(page).first()).not.toHaveText(/^$/);
    const secondPage = await ids(page);
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    const numbers = [...firstPage, ...secondPage].map((id) => Number(id.slice(1)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers); // ids ascend with creation

    await page.reload();
    expect(await ids(page)).toEqual(secondPage);

    await pages.getByRole("link", { name: "Previous" }).click();
    await expect(page).toHaveURL(/before=/);
    await expect(rows(page)).toHaveCount(25);
    expect(await ids(page)).toEqual(firstPage);
  });

  test("a shared link reproduces a search with filters", async ({ page }) => {
    const url = "/requests?q=dashboard&status=open,pending,on_hold,solved&priority=S2,S3";
    await signInTo(page, "carol@acme.test", `${url}&scope=organization`);
    const first = await ids(page);
    expect(first.length).toBeGreaterThan(0);
    await page.reload();
    expect(await ids(page)).toEqual(first);
    await expect(page.getByRole("searchbox", { name: "Search your requests" })).toHaveValue("dashboard");
    await expect(page.getByRole("group", { name: "Priority" }).getByRole("checkbox", { name: "S2-High" })).toBeChecked();
    await expect(page.getByRole("group", { name: "Priority" }).getByRole("checkbox", { name: "S1-Urgent" })).not.toBeChecked();
    for (const row of await rows(page).all()) await expect(row.locator("td").first()).toContainText(/S2-High|S3-Tolerable/);
  });
});

test.describe("My Requests in Korean", () => {
  test.use({ locale: "ko-KR" });

  test("uses the glossary's column names", async ({ page }) => {
    await signInAnyLanguage(page, "bob@acme.test");
    await expect(page.getByRole("heading", { level: 1, name: "내 요청" })).toBeVisible();
    await expect(page).toHaveTitle("내 요청 · Portico");
    expect(await columnHeaders(page)).toEqual(["제목", "ID", "생성됨", "마지막 활동", "상태"]);
    await expect(page.getByRole("button", { name: "검색", exact: true })).toBeVisible();
    for (const text of await columnTexts(page, 2)) expect(text).toMatch(/^(지금|어제|그저께|지난달|작년|\d+(분|시간|일|개월|년) 전)$/);
  });
});

test.describe("My Requests in Italian", () => {
  test.use({ locale: "it-IT" });

  test("uses the glossary's column names", async ({ page }) => {
    await signInAnyLanguage(page, "alice@acme.test");
    await expect(page.getByRole("heading", { level: 1, name: "Le mie richieste" })).toBeVisible();
    expect(await columnHeaders(page)).toEqual(["Oggetto", "Id", "Creata", "Ultima attività", "Stato"]);
    await expect(page.getByRole("button", { name: "Cerca", exact: true })).toBeVisible();
    for (const text of await columnTexts(page, 2)) expect(text).toMatch(/^(ora|ieri|l’altro ieri|mese scorso|anno scorso|1 (minuto|ora) fa|\d+ (minuti|ore|giorni|mesi|anni) fa)$/);
    const firstCreated = rows(page).first().locator("td:nth-child(3) time");
    await expect(firstCreated).toHaveAttribute("title", /\d{4}.*UTC$/);
  });
});

test.describe("My Requests accessibility", () => {
  test("no WCAG 2.2 AA violations with a search and filters active, nor in an empty result", async ({ page }) => {
    await signInTo(page, "carol@acme.test", "/requests?scope=organization&q=dashboard&status=open,pending,on_hold,solved");
    await expect(rows(page).first()).toBeVisible();
    await expect(rows(page).locator("mark").first()).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/requests?q=${INTERNAL_ONLY_WORD}`);
    await expect(page.getByRole("heading", { name: "No matching requests" })).toBeVisible();
    await expectAccessible(page);
  });
});
