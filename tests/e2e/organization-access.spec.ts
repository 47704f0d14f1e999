import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Organization-level access (docs/product.md §6). This spec changes only: dave@acme.test's seeded request
// naming erin@acme.test (erin approves it), and jiho@globex.test's own request. It grants nothing —
// granting is the agent console's (tests/integration/organization-access.test.ts covers it), and no
// other spec may find erin, dave, alice or bob with an Organization scope.

async function openPage(page: Page, email: string) {
  await signIn(page, email);
  await page.waitForURL(/\/requests$/);
  await page.goto("/organization-access");
}

const main = (page: Page) => page.getByRole("main");

test("erin approves dave's request, and dave sees it waiting for the support team", async ({ page, browser }) => {
  await signIn(page, "erin@acme.test");
  await expectSignedIn(page);
  // Reached from the profile menu.
  await page.getByRole("button", { name: /Erin Yoon/ }).click();
  await page.getByRole("link", { name: "Organization access" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Organization-level access" })).toBeVisible();

  const daves = page.getByRole("region", { name: "Approval requests" }).getByRole("listitem").filter({ hasText: "Dave Whitfield" });
  await expect(daves).toContainText("Dave Whitfield (dave@acme.test) asks for organization-level access to Acme Corporation.");
  await expect(daves).toContainText("Note: Needed for the quarterly vendor review.");
  await daves.getByRole("button", { name: "Approve" }).click();
  await expect(main(page).getByRole("status")).toHaveText("You approved the request. The support team can now grant the access.");
  await expect(daves).toContainText("You approved it on");
  await expect(daves.getByRole("button")).toHaveCount(0);

  const davesContext = await browser.newContext();
  const davesPage = await davesContext.newPage();
  await openPage(davesPage, "dave@acme.test");
  const acme = davesPage.getByRole("region", { name: "Acme Corporation" });
  await expect(acme).toContainText("You do not have organization-level access.");
  await expect(acme.getByRole("listitem").first()).toContainText("Approved by Erin Yoon — waiting for the support team to grant it");
  // While it waits, dave cannot ask again.
  await expect(davesPage.getByRole("button", { name: "Request organization-level access" })).toHaveCount(0);
  await davesContext.close();
});

test("jiho, a technical contact, asks without approval and sees it waiting for the support team", async ({ page }) => {
  // jiho@globex.test reads the portal in Korean (saved setting).
  await openPage(page, "jiho@globex.test");
  await expect(page.getByRole("heading", { level: 1, name: "조직 수준 액세스" })).toBeVisible();
  const globex = page.getByRole("region", { name: "Globex" });
  await expect(globex).toContainText("기술 담당자");
  await expect(globex).toContainText("조직 수준 액세스가 없습니다.");
  await globex.getByLabel("메모(선택 사항)").fill("월간 검토용");
  await globex.getByRole("button", { name: "조직 수준 액세스 요청" }).click();

  await expect(main(page).getByRole("status")).toHaveText("요청을 보냈습니다.");
  await expect(globex.getByRole("listitem").first()).toContainText("지원팀의 부여 대기 중");
  await expect(globex.getByRole("listitem").first()).toContainText("메모: 월간 검토용");
  await expect(globex.getByRole("button", { name: "조직 수준 액세스 요청" })).toHaveCount(0);
});

test("alice, neither technical contact nor admin, is told who can ask", async ({ page }) => {
  await openPage(page, "alice@acme.test");
  const acme = page.getByRole("region", { name: "Acme Corporation" });
  await expect(acme).toContainText("Only technical contacts and organization admins can request organization-level access.");
  await expect(page.getByRole("button", { name: "Request organization-level access" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Approval requests" })).toHaveCount(0);
});

test("carol sees her access and who granted it", async ({ page }) => {
  await openPage(page, "carol@acme.test");
  const acme = page.getByRole("region", { name: "Acme Corporation" });
  await expect(acme).toContainText(/You have organization-level access since .+, granted by Morgan Ellis\./);
  await expect(acme.getByRole("listitem").first()).toContainText("Granted on");
  await expect(page.getByRole("button", { name: "Request organization-level access" })).toHaveCount(0);
});

test("an agent is pointed to the agent console and has no menu link", async ({ page }) => {
  await signIn(page, "agent@portico.test");
  await page.waitForURL(/\/agent$/);
  await page.getByRole("button", { name: /Morgan Ellis/ }).click();
  await expect(page.getByRole("link", { name: "Support requests" })).toBeVisible();
  // Not in the profile menu (the console's own navigation, on the queue an agent lands on, has it).
  await expect(page.getByRole("banner").getByRole("link", { name: "Organization access" })).toHaveCount(0);
  await page.goto("/organization-access");
  await expect(main(page)).toContainText("The support team grants and revokes it in the agent console.");
});

for (const email of ["erin@acme.test", "alice@acme.test", "carol@acme.test"]) {
  test(`has no accessibility violations for ${email}`, async ({ page }) => {
    await openPage(page, email);
    await expect(page.getByRole("heading", { level: 1, name: "Organization-level access" })).toBeVisible();
    await expectAccessible(page);
  });
}
