import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { withE2eDatabase } from "../setup/e2e-database";
import { expectSignedIn, newCustomerLikeAlice, openRequest, signIn } from "./fixtures";

// Notification settings and the unsubscribe link of a notification (RFC 8058), as people and mail
// clients reach them. Nothing here changes what a demo person gets: their settings are saved as they
// were, and the one real unsubscribe link used belongs to a customer made for this spec.

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

test("the one-click link of a real notification turns its kind off without any session; opening it changes nothing", async ({ page, playwright }) => {
  const person = await newCustomerLikeAlice({ idPrefix: "unsub", name: "Ugo Ferri" });
  await signIn(page, person.email);
  await expectSignedIn(page);
  await openRequest(page, { subject: `Unsubscribe check ${randomUUID().slice(0, 8)}`, description: "Does the link work?", priority: "S4-Question" });

  // The acknowledgement is written in the same transaction as the request, with its List-Unsubscribe headers.
  const headers = await withE2eDatabase(async (db) => {
    const { rows } = await db.query<{ headers: Record<string, string> }>(
      `SELECT m.headers FROM "OutboundMail" m JOIN "User" u ON u.id = m."recipientId" WHERE u.email = $1 AND m.kind = 'acknowledgement'`,
      [person.email],
    );
    return rows[0]?.headers ?? {};
  });
  expect(headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const link = /<([^>]+\/api\/unsubscribe\/[^>]+)>/.exec(headers["List-Unsubscribe"] ?? "")?.[1];
  expect(link).toBeDefined();
  const oneClick = new URL(link ?? "").pathname;

  // A mail client, with no cookie at all.
  const client = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  try {
    const opened = await client.get(oneClick, { maxRedirects: 0 });
    expect(opened.status()).toBe(303);
    const settings = () => page.goto("/settings/notifications").then(() => page.getByRole("checkbox", { name: "Your request arrived" }));
    await expect(await settings()).toBeChecked();

    const clicked = await client.post(oneClick, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
    expect(clicked.status()).toBe(200);
    await expect(await settings()).not.toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Support replies" })).toBeChecked();
  } finally {
    await client.dispose();
  }
});
