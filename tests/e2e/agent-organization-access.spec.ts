import { expect, test, type Page } from "@playwright/test";
import { formsAsServed, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Read-only: the agent's organization-access list. It grants and revokes nothing, because other specs
// run in parallel and assert that erin, dave and alice have no Organization scope (the grant and
// revoke flow runs in organization-grants.after.spec.ts, once they are done).

const PATH = "/agent/organization-access";
const CUSTOMERS = ["alice@acme.test", "bob@acme.test", "carol@acme.test", "dave@acme.test", "erin@acme.test", "gina@globex.test"];

async function openAsAgent(page: Page) {
  await signIn(page, "agent@portico.test", "/agent");
  await page.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: "Organization access" }).click();
  await expect(page).toHaveURL(/\/agent\/organization-access$/);
  await expect(page.getByRole("heading", { name: "Organization access", level: 1 })).toBeVisible();
}

const rowOf = (page: Page, email: string) => page.getByRole("table").locator("tbody tr").filter({ hasText: email });

test.describe("Agent organization access", () => {
  test("the agent sees carol's grant with a Revoke button and dave's request without a Grant button while it waits for erin", async ({ page }) => {
    await openAsAgent(page);
    await expect(page.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: "Organization access" })).toHaveAttribute("aria-current", "page");

    const carol = rowOf(page, "carol@acme.test");
    await expect(carol).toContainText("No approval needed (technical contact)");
    await expect(carol).toContainText(/Granted on .+ by /);
    await expect(carol.getByRole("button", { name: "Revoke organization-level access of Carol Jensen to Acme Corporation" })).toBeVisible();
    await expect(carol.getByRole("button", { name: /^Grant/ })).toHaveCount(0);

    // Another spec has erin approve dave's request meanwhile: one server-rendered page is one
    // snapshot, so the Grant button follows the state shown on the same page.
    const dave = rowOf(page, "dave@acme.test");
    await expect(dave).toContainText("Acme Corporation");
    const state = await dave.innerText();
    expect(state).toMatch(/Waiting for approval by Erin Yoon|Approved by Erin Yoon/);
    const grant = dave.getByRole("button", { name: "Grant organization-level access to Dave Whitfield for Acme Corporation" });
    await expect(grant).toHaveCount(state.includes("Waiting for approval by Erin Yoon") ? 0 : 1);
    await expect(dave.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);
  });

  test("has no accessibility violations", async ({ page }) => {
    await openAsAgent(page);
    await expectAccessible(page);
  });

  test("says how a grant or revoke went, and a generic message for an unknown refusal", async ({ page }) => {
    await openAsAgent(page);
    await page.goto(`${PATH}?done=granted`);
    await expect(page.getByRole("status")).toHaveText("Organization-level access granted.");
    await page.goto(`${PATH}?refused=not_approved`);
    await expect(page.getByRole("alert").filter({ hasText: "Only an approved request" })).toBeVisible();
    await page.goto(`${PATH}?refused=%3Cscript%3E`);
    await expect(page.getByRole("alert").filter({ hasText: "That didn't work. Reload the page and try again." })).toBeVisible();
  });

  test("a customer replaying the Revoke and Grant forms changes nothing", async ({ page, browser }) => {
    const forms = await formsAsServed(browser, "agent@portico.test", PATH, "form:has(input[name=grantId]), form:has(input[name=accessRequestId])");
    expect(forms.length).toBeGreaterThanOrEqual(1);
    await signIn(page, "carol@acme.test");
    await expect(page).toHaveURL(/\/requests$/);
    for (const fields of forms) {
      const response = await page.request.post(PATH, { multipart: fields });
      expect(response.status()).toBe(404);
    }
    // carol's own grant is still there.
    await page.goto("/requests");
    await expect(page.getByRole("navigation", { name: "Which requests" }).getByRole("link", { name: "Organization" })).toBeVisible();
  });

  for (const email of CUSTOMERS) {
    test(`answers 404 to ${email}`, async ({ page }) => {
      await signIn(page, email);
      await expect(page).toHaveURL(/\/requests$/);
      const response = await page.goto(PATH);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("navigation", { name: "Agent console" })).toHaveCount(0);
      await expect(page.getByRole("button", { name: /Revoke|Grant/ })).toHaveCount(0);
    });
  }
});
