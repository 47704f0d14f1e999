import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// The customer's way into live chat (issue 13): "Chat with support" on My Requests (a new topic) and
// on a request bob replies on, the start page's accessibility, and a request of another organization
// that is as absent from chat as from everything else. Only pages are read here: no chat is started
// and no agent is made Available, so other specs' data stays as seeded.

// bob@acme.test's own request, and one of gina@globex.test's (another organization).
const BOBS_REQUEST = 1052;
const GINAS_REQUEST = 1002;

test.beforeEach(async ({ page }) => {
  await signIn(page, "bob@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
});

test("bob finds Chat with support on My Requests and on his request's page", async ({ page }) => {
  const onList = page.getByRole("link", { name: "Chat with support" });
  await expect(onList).toHaveAttribute("href", "/requests/chat");
  await expect(page.getByRole("link", { name: "New request" })).toBeVisible();

  await page.goto(`/requests/${BOBS_REQUEST}`);
  await expect(page.getByRole("link", { name: "Chat with support" })).toHaveAttribute("href", `/requests/chat?request=${BOBS_REQUEST}`);
  await page.getByRole("link", { name: "Chat with support" }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/chat\\?request=${BOBS_REQUEST}$`));
  await expect(page.getByRole("heading", { level: 1, name: `Chat with support about #${BOBS_REQUEST}` })).toBeVisible();
  await expect(page.getByLabel(`What would you like to ask about #${BOBS_REQUEST}?`)).toBeVisible();
});

test("the chat start page has no WCAG 2.2 AA violations, also after a refused message", async ({ page }) => {
  await page.goto("/requests/chat");
  await expect(page.getByRole("heading", { level: 1, name: "Chat with support" })).toBeVisible();
  await expect(page.getByLabel("How can we help?")).toBeVisible();
  await expectAccessible(page);

  // An empty message is refused in place (bob belongs to one organization: nothing to choose).
  await page.locator("main form").getByRole("button").first().click();
  // Scoped to the form: the router's own announcer is an alert region too once the page has navigated.
  await expect(page.locator("main form").getByRole("alert")).toBeVisible();
  await expect(page.getByText("Write your message.").first()).toBeVisible();
  await expectAccessible(page);
});

test("a request of another organization is not there to chat about, nor to follow", async ({ page }) => {
  expect((await page.goto(`/requests/chat?request=${GINAS_REQUEST}`))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Not found" })).toBeVisible();
  expect((await page.goto("/requests/chat?request=999999"))?.status()).toBe(404);
  expect((await page.goto("/requests/chat?request=abc"))?.status()).toBe(404);

  const events = await page.request.get(`/api/requests/${GINAS_REQUEST}/events`);
  expect(events.status()).toBe(404);
});
