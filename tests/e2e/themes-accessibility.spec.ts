import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";
import { accessibilityViolations, COLOUR_RULES } from "./accessibility";

// Every page of the portal and the console passes the accessibility checks (contrast included) in
// both themes: the light one and the dark one a system setting chooses (docs/product.md §8).
// Read only.

const CUSTOMER_PAGES = ["/requests", "/requests/new", "/requests/1003", "/requests/chat", "/organization-access", "/settings", "/settings/password", "/settings/sessions", "/settings/notifications", "/settings/api-tokens"];
const CONSOLE_PAGES = ["/agent", "/agent/requests/1003", "/agent/chats", "/agent/mail", "/agent/people", "/agent/audit", "/agent/organization-access", "/agent/saved-replies", "/agent/webhooks"];
const SIGNED_OUT_PAGES = ["/signin", "/password-reset", "/api/docs"];

/**
 * Each page loaded once: checked against every rule in the light theme, then switched to the dark one, once its
 * colours have finished changing, against the rules colours decide.
 */
async function violationsOn(page: Page, paths: readonly string[]) {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    const light = await accessibilityViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    const dark = await accessibilityViolations(page, { rules: COLOUR_RULES });
    const violations = [...light.map((violation) => `light: ${violation}`), ...dark.map((violation) => `dark: ${violation}`)];
    if (violations.length > 0) found[path] = violations;
  }
  return found;
}

test("customer pages", async ({ page }) => {
  test.slow();
  await signIn(page, "alice@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
  expect(await violationsOn(page, CUSTOMER_PAGES)).toEqual({});
});

test("console pages", async ({ page }) => {
  test.slow();
  await signIn(page, "agent@portico.test");
  await expect(page).toHaveURL(/\/agent$/);
  expect(await violationsOn(page, CONSOLE_PAGES)).toEqual({});
});

test("signed-out pages", async ({ page }) => {
  expect(await violationsOn(page, SIGNED_OUT_PAGES)).toEqual({});
});
