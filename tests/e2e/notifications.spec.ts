import { expect, test } from "@playwright/test";
import { expectSignedIn, signIn } from "./fixtures";

// Notification settings and the unsubscribe link of a notification (RFC 8058), as people and mail
// clients reach them. Nothing here changes what anyone gets: the settings are saved as they were,
// and the only unsubscribe link used is one Portico did not sign.

const FORGED = "seed-user-alice.agent_reply.s0000000000000000000000000";

test("a customer finds their notifications in the profile menu, each on, and saves them", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expectSignedIn(page);
  await page.getByRole("button", { name: /Alice/ }).click();
  await page.getByRole("link", { name: "Notifications" }).click();
  await expect(page).toHaveURL(/\/settings\/notifications$/);
  await expect(page.getByRole("navigation", { name: "Account settings" }).getByRole("link", { name: "Notifications" })).toHaveAttribute("aria-current", "page");
  for (const label of ["Support replies", "A request is solved", "Reminders", "Your request arrived", "You are added in copy"]) {
    await expect(page.getByRole("checkbox", { name: label })).toBeChecked();
  }
  await expect(page.getByRole("checkbox", { name: "New requests" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Your notification settings are saved.");
});

test("a forged one-click unsubscribe is refused, and opening it leads to a page that says the link does not work", async ({ request, page }) => {
  const oneClick = await request.post(`/api/unsubscribe/${FORGED}`, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(oneClick.status()).toBe(404);

  const opened = await request.get(`/api/unsubscribe/${FORGED}`, { maxRedirects: 0 });
  expect(opened.status()).toBe(303);
  expect(opened.headers()["location"]).toBe(`/unsubscribe/${FORGED}`);

  await page.goto(`/api/unsubscribe/${FORGED}`);
  await expect(page).toHaveURL(new RegExp(`/unsubscribe/${FORGED}$`));
  await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
});
