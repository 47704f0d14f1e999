import { expect, test, type Browser } from "@playwright/test";
import { expectSignedIn, signIn, signInWithForm } from "./fixtures";

// Disabling an account (security review: "an agent disabling an account ends every session of that
// person at once"), end to end: erin is signed in; the agent disables her on the People page; her
// next page load goes to sign-in, and signing in again gets the ordinary answer; the audit trail
// shows who did it and from where; the agent enables her again. Named *.last.spec.ts: it runs after
// every other spec, since erin signs in to many of them.

test.describe.configure({ mode: "serial" });

const ERIN_ADDRESS = "203.0.113.60";
const AGENT_ADDRESS = "203.0.113.61";

/** A browser of its own, coming from `address` (the app reads X-Forwarded-For, docs/SECURITY.md). */
async function browserAt(browser: Browser, address: string) {
  const context = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { "x-forwarded-for": address } });
  return context.newPage();
}

test("an agent disables erin: her session ends at once, she cannot sign in, the audit trail says so; then she is enabled again", async ({ browser }) => {
  const erin = await browserAt(browser, ERIN_ADDRESS);
  await signIn(erin, "erin@acme.test");
  await expectSignedIn(erin);

  const agent = await browserAt(browser, AGENT_ADDRESS);
  await signIn(agent, "agent@portico.test", "/agent/people");
  await expect(agent).toHaveTitle("People · Portico");
  await expect(agent.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: "People" })).toHaveAttribute("aria-current", "page");

  const search = agent.getByRole("search");
  await search.getByLabel("Search people by email or name").fill("erin@acme");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(agent).toHaveURL(/\/agent\/people\?q=erin%40acme$/);
  const row = agent.getByRole("table").locator("tbody tr").filter({ hasText: "erin@acme.test" });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Erin Yoon");
  await expect(row).toContainText("Customer");
  await expect(row).toContainText("Acme Corporation");
  await expect(row).toContainText("Active");
  await expect(row.getByRole("cell").nth(3)).toHaveText(/^\d+ sessions?$/);

  // Disabling takes a second, deliberate step.
  await row.locator("summary", { hasText: "Disable account" }).click();
  await expect(row).toContainText("Erin Yoon will be signed out of every session now");
  await row.getByRole("button", { name: "Yes, disable the account of Erin Yoon" }).click();
  await expect(row.getByRole("status")).toHaveText("Account disabled: every session of theirs has ended.");
  await expect(row).toContainText(/Disabled since .+ UTC/);
  await expect(row.getByRole("cell").nth(3)).toHaveText("None");

  // Erin's next page load: signed out.
  await erin.goto("/requests");
  await expect(erin).toHaveURL(/\/signin\?callbackUrl=%2Frequests$/);
  // Signing in again gets the ordinary answer, which does not tell that the account is disabled.
  await signInWithForm(erin, "erin@acme.test");
  await expect(erin.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await expect(erin).toHaveURL(/\/signin/);

  // The audit trail: who disabled whom, from where, and how many sessions ended; then erin's failed attempt.
  await agent.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: "Audit trail" }).click();
  await expect(agent).toHaveURL(/\/agent\/audit$/);
  const filters = agent.getByRole("search", { name: "Filter the audit trail" });
  await filters.getByLabel("Event").selectOption({ label: "Account disabled" });
  await filters.getByLabel("Email", { exact: true }).fill("erin@acme.test");
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(agent).toHaveURL(/\/agent\/audit\?type=account_disabled&q=erin%40acme\.test$/);
  const disabled = agent.getByRole("table").locator("tbody tr");
  await expect(disabled).toHaveCount(1);
  await expect(disabled).toContainText("Account disabled");
  await expect(disabled).toContainText("agent@portico.test");
  await expect(disabled).toContainText("erin@acme.test");
  await expect(disabled).toContainText(AGENT_ADDRESS);
  await expect(disabled).toContainText(/\d+ sessions? ended/);

  await agent.goto("/agent/audit?type=sign_in_failed&q=erin%40acme.test");
  const failed = agent.getByRole("table").locator("tbody tr").first();
  await expect(failed).toContainText("Sign-in failed");
  await expect(failed).toContainText(ERIN_ADDRESS);
  // Read-only: nothing on the page changes an event.
  await expect(agent.getByRole("main").getByRole("button")).toHaveText(["Apply"]);

  // Enabled again, erin signs in as before.
  await agent.goto("/agent/people?q=erin%40acme");
  await row.getByRole("button", { name: "Enable account of Erin Yoon" }).click();
  await expect(row.getByRole("status")).toHaveText("Account enabled: they can sign in again.");
  await expect(row).toContainText("Active");
  await signIn(erin, "erin@acme.test");
  await expectSignedIn(erin);

  await Promise.all([erin.context().close(), agent.context().close()]);
});

test("the People and audit trail pages are not there for a customer: the same 404 as any unknown address", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expectSignedIn(page);
  const seen = [];
  for (const path of ["/agent/people", "/agent/people?q=erin", "/agent/audit", "/agent/audit?type=account_disabled", "/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    seen.push({ title: await page.title(), main: await page.locator("main").innerText() });
  }
  expect(new Set(seen.map((entry) => JSON.stringify(entry))).size).toBe(1);
  expect(seen[0]?.title).toBe("Not found · Portico");
});
