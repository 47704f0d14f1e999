import { expect, test } from "@playwright/test";
import { withE2eDatabase } from "../setup/e2e-database";
import { DEMO_PASSWORD } from "./demo-accounts";
import { expectSignedIn, signInWithForm } from "./fixtures";

// Password reset by email, as a person does it: from the sign-in page to a new password. The mail is
// read where the app wrote it (the outbox table), as no page shows it to the customer. It changes
// gina's password, so it runs in the "last" project, once no other spec signs in as her.

const EMAIL = "gina@globex.test";
const NEW_PASSWORD = "a fresh passphrase for gina";

/** The path of the newest reset link mailed to `email`. */
async function mailedResetPath(email: string): Promise<string> {
  const { rows } = await withE2eDatabase((client) =>
    client.query<{ text: string }>(`SELECT "text" FROM "OutboundMail" WHERE "toAddress" = $1 AND "kind" = 'password_reset' ORDER BY "createdAt" DESC LIMIT 1`, [email]),
  );
  const link = /https?:\/\/[^\s/]+(\/password-reset\/[A-Za-z0-9_-]{43})/.exec(rows[0]?.text ?? "");
  if (!link?.[1]) throw new Error(`No reset link mailed to ${email}`);
  return link[1];
}

test("a customer who forgot their password sets a new one from the emailed link, and signs in with it", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/password-reset$/);
  await page.getByLabel("Email").fill(EMAIL);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address, we have sent a link");

  const path = await mailedResetPath(EMAIL);
  await page.goto(path);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("New password again").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/signin\?notice=password_reset$/);
  await expect(page.getByRole("status")).toContainText("Your password was reset");

  // The link worked once.
  await page.goto(path);
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();

  await signInWithForm(page, EMAIL, DEMO_PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
  await signInWithForm(page, EMAIL, NEW_PASSWORD);
  await expectSignedIn(page);
});
