import { expect, test } from "@playwright/test";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { expectSignedIn, signInWithForm } from "./fixtures";

test.describe("sign-in", () => {
  for (const email of DEMO_ACCOUNTS) {
    test(`${email} signs in with the demo password`, async ({ page }) => {
      await signInWithForm(page, email);
      // Agents land on the queue, customers on their requests.
      if (email === "agent@portico.test") {
        await expect(page).toHaveURL(/\/agent$/);
        await expect(page.getByRole("heading", { name: "Queue", level: 1 })).toBeVisible();
      } else await expectSignedIn(page);
      // The profile menu names the account that is signed in.
      await page.getByRole("banner").getByRole("button", { expanded: false }).click();
      await expect(page.getByRole("banner").getByText(email, { exact: true })).toBeVisible();
    });
  }

  test("a wrong password is refused with a generic message", async ({ page }) => {
    await signInWithForm(page, "alice@acme.test", "not-the-password");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/requests");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frequests$/);
  });

  test("an unknown email gets the same message as a wrong password", async ({ page }) => {
    await signInWithForm(page, "nobody@acme.test");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("The email or password is incorrect.");
  });

  test("an anonymous visitor of /requests is sent to sign-in and comes back after it", async ({ page }) => {
    await page.goto("/requests");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frequests$/);
    await page.getByLabel("Email").fill("bob@acme.test");
    await page.getByLabel("Password").fill("portico-demo");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expectSignedIn(page);
  });

  test("the profile menu leads to Support requests, and signs out", async ({ page }) => {
    await signInWithForm(page, "carol@acme.test");
    await expectSignedIn(page);
    const menuButton = page.getByRole("button", { name: /Carol/ });
    await menuButton.click();
    await expect(menuButton).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("link", { name: "Support requests" }).click();
    await expectSignedIn(page);

    await page.getByRole("button", { name: /Carol/ }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.goto("/requests");
    await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Frequests$/);
  });
});
