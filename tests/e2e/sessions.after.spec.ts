import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo-accounts";
import { expectSignedIn, signInWithForm } from "./fixtures";

// Sessions end on the server (review finding 3): a copy of the cookie is worth nothing once its
// session is over. These sign accounts out everywhere and change a password, so they run in the
// "after" project, once no other spec is signed in as bob or dave.

test.describe.configure({ mode: "serial" });

async function signedIn(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signInWithForm(page, email, password);
  await expectSignedIn(page);
  return context;
}

async function expectSignedOut(context: BrowserContext) {
  const page = await context.newPage();
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frequests$/);
  await page.close();
}

test("signing out ends the session: a copy of its cookie no longer signs anyone in", async ({ browser }) => {
  const original = await signedIn(browser, "bob@acme.test");
  const copy = await browser.newContext({ storageState: await original.storageState() });
  const copyPage = await copy.newPage();
  await copyPage.goto("/requests");
  await expectSignedIn(copyPage);

  const page = original.pages()[0]!;
  await page.getByRole("button", { name: /Bob/ }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await expectSignedOut(copy);
  await Promise.all([original.close(), copy.close()]);
});

test("the Sessions page lists each signed-in browser, ends one of them, then all of them", async ({ browser }) => {
  // Other specs left bob signed in elsewhere: start from none.
  const before = await signedIn(browser, "bob@acme.test");
  const start = before.pages()[0]!;
  await start.goto("/settings/sessions");
  await start.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(start).toHaveURL(/\/signin\?notice=signed_out_everywhere$/);
  await before.close();

  const laptop = await signedIn(browser, "bob@acme.test");
  const phone = await signedIn(browser, "bob@acme.test");
  const page = laptop.pages()[0]!;
  await page.getByRole("button", { name: /Bob/ }).click();
  await page.getByRole("link", { name: "Sessions" }).click();
  await expect(page).toHaveURL(/\/settings\/sessions$/);
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();

  const sessions = page.getByRole("main").getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  const current = sessions.filter({ hasText: "This browser" });
  await expect(current).toHaveCount(1);
  await expect(current).toContainText(/Chrome on \w+/);

  // End the other browser's session: it is signed out, this one is not.
  await sessions.filter({ hasNotText: "This browser" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("That session has ended.");
  await expect(sessions).toHaveCount(1);
  await expectSignedOut(phone);

  // A third browser, then "Sign out everywhere": both are signed out, and the sign-in page says why.
  const tablet = await signedIn(browser, "bob@acme.test");
  await page.reload();
  await expect(sessions).toHaveCount(2);
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin\?notice=signed_out_everywhere$/);
  await expect(page.getByRole("main").getByRole("status")).toHaveText("You are signed out on every device. Sign in again to continue here.");
  await expectSignedOut(laptop);
  await expectSignedOut(tablet);
  await Promise.all([laptop.close(), phone.close(), tablet.close()]);
});

test("changing the password checks the current one, ends every session, and only the new password signs in", async ({ browser }) => {
  const elsewhere = await signedIn(browser, "dave@acme.test");
  const context = await signedIn(browser, "dave@acme.test");
  const page = context.pages()[0]!;
  await page.goto("/settings/password");
  await expect(page).toHaveTitle(/Change password/);

  const form = page.getByRole("main").locator("form");
  const submit = form.getByRole("button", { name: "Change password" });
  await form.getByLabel("Current password").fill("not-my-password");
  await form.getByLabel("New password", { exact: true }).fill("correct horse battery");
  await form.getByLabel("New password again").fill("correct horse battery");
  await submit.click();
  await expect(form.getByText("The current password is not correct.")).toBeVisible();
  // Passwords are never sent back to the page.
  await expect(form.getByLabel("Current password")).toHaveValue("");

  // The browser itself asks for ten characters at least.
  await expect(form.getByLabel("New password", { exact: true })).toHaveAttribute("minlength", "10");

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("correct horse battery");
  await form.getByLabel("New password again").fill("correct horse battery staple");
  await submit.click();
  await expect(form.getByText("The two new passwords are not the same.")).toBeVisible();

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByLabel("New password", { exact: true }).fill("correct horse battery");
  await form.getByLabel("New password again").fill("correct horse battery");
  await submit.click();
  await expect(page).toHaveURL(/\/signin\?notice=password_changed$/);
  await expect(page.getByRole("main").getByRole("status")).toContainText("Sign in with your new password.");
  await expectSignedOut(elsewhere);

  await signInWithForm(page, "dave@acme.test", DEMO_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await signInWithForm(page, "dave@acme.test", "correct horse battery");
  await expectSignedIn(page);

  // Back to the demo password, for anyone who runs the demo after the tests.
  await page.goto("/settings/password");
  await form.getByLabel("Current password").fill("correct horse battery");
  await form.getByLabel("New password", { exact: true }).fill(DEMO_PASSWORD);
  await form.getByLabel("New password again").fill(DEMO_PASSWORD);
  await submit.click();
  await expect(page).toHaveURL(/\/signin\?notice=password_changed$/);
  await Promise.all([context.close(), elsewhere.close()]);
});
