import { expect, test, type Page } from "@playwright/test";
import { expectSignedIn, signIn } from "./fixtures";

// The language: the signed-in user's saved setting, else the `portico-locale` cookie, else the
// browser's Accept-Language, else English (docs/decisions/0007-localization.md).

async function expectLanguage(page: Page, lang: string) {
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
}

test.describe("a visitor whose browser prefers Korean", () => {
  test.use({ locale: "ko-KR" });

  test("gets the sign-in page in Korean", async ({ page }) => {
    await page.goto("/signin");
    await expectLanguage(page, "ko");
    await expect(page.getByRole("heading", { name: "로그인" })).toBeVisible();
    await expect(page).toHaveTitle("로그인 · Portico");
    await expect(page.getByLabel("이메일")).toBeVisible();
    await expect(page.getByLabel("비밀번호")).toBeVisible();
    await expect(page.getByRole("button", { name: "한국어" })).toHaveAttribute("aria-current", "true");
  });

  test("is refused in Korean, with the same message for any failure", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("이메일").fill("nobody@globex.test");
    await page.getByLabel("비밀번호").fill("not-the-password");
    await page.getByRole("button", { name: "로그인", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("이메일 또는 비밀번호가 올바르지 않습니다.");
  });

  test("can choose English, and keeps it on the next visit", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expectLanguage(page, "en");
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-current", "true");
    await expect(page.getByRole("button", { name: "한국어" })).not.toHaveAttribute("aria-current");
    await page.reload();
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  });
});

test.describe("a visitor whose browser prefers Italian", () => {
  test.use({ locale: "it-CH" });

  test("gets the sign-in page in Italian", async ({ page }) => {
    await page.goto("/signin");
    await expectLanguage(page, "it");
    await expect(page.getByRole("heading", { name: "Accedi" })).toBeVisible();
    await expect(page).toHaveTitle("Accedi · Portico");
    await expect(page.getByRole("button", { name: "Accedi", exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: "Accedi" })).toBeVisible();
  });
});

// Uses paolo@globex.test, whose saved language is Italian and whom no other spec signs in as, so
// changing it cannot disturb tests running in parallel.
test.describe("a signed-in user's language", () => {
  test.afterEach(async ({ browser }, testInfo) => {
    if (testInfo.status === testInfo.expectedStatus) return;
    // Failed midway: put the saved setting back.
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signIn(page, "paolo@globex.test");
    await page.getByRole("button", { name: /Paolo/ }).click();
    await page.getByRole("button", { name: "Italiano" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "it");
    await context.close();
  });

  test("follows the saved setting over the browser's, is changed in the profile menu, and kept for the next sign-in", async ({ page, context }) => {
    // The browser asks for English; the saved setting (Italian) wins once signed in.
    await signIn(page, "paolo@globex.test");
    await expect(page).toHaveURL(/\/requests$/);
    await expect(page.getByRole("heading", { name: "Le mie richieste" })).toBeVisible();
    await expectLanguage(page, "it");
    await expect(page).toHaveTitle("Le mie richieste · Portico");

    await page.getByRole("button", { name: /Paolo/ }).click();
    await expect(page.getByRole("button", { name: "Italiano" })).toHaveAttribute("aria-current", "true");
    await expect(page.getByRole("link", { name: "Richieste di assistenza" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "My Requests" })).toBeVisible();
    await expectLanguage(page, "en");

    // Signed out, this browser keeps English (the cookie). The menu stays open after a switch.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

    // Another browser (no cookie): the saved setting, now English, applies once signed in.
    await context.clearCookies();
    await signIn(page, "paolo@globex.test");
    await expectSignedIn(page);
    await expectLanguage(page, "en");

    // Back to Italian, as the demo data has it.
    await page.getByRole("button", { name: /Paolo/ }).click();
    await page.getByRole("button", { name: "Italiano" }).click();
    await expect(page.getByRole("heading", { name: "Le mie richieste" })).toBeVisible();
    await expectLanguage(page, "it");
  });
});
