import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// Live chat with nobody available (issue 13): the customer is told before typing, and what they write
// is not lost — it opens a request by chat, or becomes a reply on their request (a Solved one reopens),
// answered there and by email. In the `after` project: no spec makes an agent Available by then.

// alice@acme.test's Solved request that no other spec uses.
const SOLVED_REQUEST = 1045;

const OFFLINE = "No one is available to chat right now. Leave a message and we will reply on your request and by email.";
const LEFT = "Your message was left on the request; we will reply here and by email.";

const responses = (page: Page) => page.getByRole("region", { name: "Responses" });

test.beforeEach(async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
});

test("with nobody available, a new topic's message opens a request by chat", async ({ page }) => {
  await page.getByRole("link", { name: "Chat with support" }).click();
  await expect(page).toHaveURL(/\/requests\/chat$/);
  // Said before anything is typed, and tied to the message box.
  await expect(page.getByText(OFFLINE)).toBeVisible();
  await expect(page.getByRole("button", { name: "Start chat" })).toHaveCount(0);
  const box = page.getByLabel("How can we help?");
  await expect(box).toHaveValue("");
  await expect(box).toHaveAccessibleDescription(OFFLINE);

  const topic = `Offline chat ${randomUUID().slice(0, 8)}: the CSV export drops accents`;
  const message = `${topic}\nÉmilie shows as "Emilie" in every export since Monday.`;
  await box.fill(message);
  await page.getByRole("button", { name: "Send message" }).click();

  await expect(page).toHaveURL(/\/requests\/\d+\?left=1$/);
  await expect(page.getByRole("status").filter({ hasText: LEFT })).toBeVisible();
  // The first line is the subject, the whole message the description, and the request came by chat.
  await expect(page.getByRole("heading", { level: 1 })).toContainText(topic);
  const opened = responses(page).getByRole("article").first();
  await expect(opened).toContainText('Émilie shows as "Emilie" in every export since Monday.');
  await expect(opened).toContainText("in a chat");
  // No chat is going on: the page offers one again.
  await expect(page.locator("#chat")).toHaveCount(0);
});

test("with nobody available, a message about a Solved request becomes a reply that reopens it", async ({ page }) => {
  await page.goto(`/requests/${SOLVED_REQUEST}`);
  await expect(page.getByRole("heading", { level: 1 }).locator("..").getByText("Solved", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Chat with support" }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/chat\\?request=${SOLVED_REQUEST}$`));
  await expect(page.getByText(OFFLINE)).toBeVisible();

  const message = `It came back: the report went to him again today (${randomUUID().slice(0, 8)}).`;
  await page.getByLabel(`What would you like to ask about #${SOLVED_REQUEST}?`).fill(message);
  await page.getByRole("button", { name: "Send message" }).click();

  await expect(page).toHaveURL(new RegExp(`/requests/${SOLVED_REQUEST}\\?left=1$`));
  await expect(page.getByRole("status").filter({ hasText: LEFT })).toBeVisible();
  const reply = responses(page).getByRole("article").filter({ hasText: message });
  await expect(reply).toBeVisible();
  await expect(reply).toContainText("in a chat");
  await expect(reply).toContainText("Reopened by this reply");
  await expect(page.getByRole("heading", { level: 1 }).locator("..").getByText("Open", { exact: true })).toBeVisible();
});
