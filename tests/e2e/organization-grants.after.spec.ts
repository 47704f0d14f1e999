import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// Grant and revoke, end to end: erin@acme.test asks for organization-level access, the agent grants
// it and then revokes it, and erin's Organization scope appears and disappears on her next page load.
// Runs in the "after" project, once every spec that asserts erin has no Organization scope is done.

const scopes = (page: Page) => page.getByRole("navigation", { name: "Which requests" });

test("erin sees the Organization scope appear when the agent grants her access, and disappear when it is revoked", async ({ page, browser }) => {
  const erin = await (await browser.newContext({ locale: "en-US" })).newPage();
  await signIn(erin, "erin@acme.test");
  await expect(erin).toHaveURL(/\/requests$/);
  await expect(scopes(erin).getByRole("link", { name: "Organization" })).toHaveCount(0);

  // erin is a technical contact: her own request needs no approval.
  await erin.goto("/organization-access");
  const acme = erin.getByRole("region", { name: "Acme Corporation" });
  await acme.getByRole("button", { name: "Request organization-level access" }).click();
  await expect(erin.getByRole("main").getByRole("status")).toHaveText("Your request was sent.");

  await signIn(page, "agent@portico.test", "/agent/organization-access");
  const row = page.getByRole("table").locator("tbody tr").filter({ hasText: "erin@acme.test" }).filter({ hasText: "No approval needed" });
  await row.getByRole("button", { name: "Grant organization-level access to Erin Yoon for Acme Corporation" }).click();
  await expect(page.getByRole("status")).toHaveText("Organization-level access granted.");

  // The next page load shows the scope, with requests of other Acme requesters.
  await erin.goto("/requests");
  await scopes(erin).getByRole("link", { name: "Organization" }).click();
  await expect(erin).toHaveURL(/\/requests\?scope=organization$/);
  await expect(erin.getByRole("table")).toContainText("Alice Whitmore");
  await expect(erin.getByRole("table")).toContainText("Bob Nakamura");

  const granted = page.getByRole("table").locator("tbody tr").filter({ hasText: "erin@acme.test" }).filter({ hasText: /Granted on/ });
  await granted.getByRole("button", { name: "Revoke organization-level access of Erin Yoon to Acme Corporation" }).click();
  await expect(page.getByRole("status")).toHaveText("Organization-level access revoked.");

  await erin.reload();
  await expect(scopes(erin).getByRole("link", { name: "My requests" })).toHaveAttribute("aria-current", "page");
  await expect(scopes(erin).getByRole("link", { name: "Organization" })).toHaveCount(0);
  await expect(erin.getByText("Organization requests need organization-level access")).toBeVisible();
  await expect(erin.getByRole("table")).not.toContainText("Bob Nakamura");
  await erin.context().close();
});
