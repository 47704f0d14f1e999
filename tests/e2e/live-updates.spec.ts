import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { countRefreshes, followStream, openRequest, signIn, trackEventStreams, waitForOpenStream } from "./fixtures";

// docs/realtime.md: an open request page follows the request without a reload — an agent's reply and
// the new status appear on the customer's page, and the reply the customer is typing stays as it is. A
// list in a background tab waits until it is shown again.

/** The agent answers the request from the console, in a browser of their own. */
async function agentReplies(browser: Browser, requestId: number, message: string) {
  const context = await browser.newContext();
  const agent = await context.newPage();
  await signIn(agent, "agent@portico.test", `/agent/requests/${requestId}`);
  const reply = agent.getByRole("form", { name: "Public reply", exact: true });
  await reply.getByLabel("Message").fill(message);
  await reply.getByRole("button", { name: "Send reply" }).click();
  await expect(reply.getByRole("status")).toHaveText("Reply sent.");
  await context.close();
}

test("the customer's open request page shows the agent's reply without a reload, keeping what they type", async ({ browser }) => {
  test.setTimeout(60_000);
  const subject = `Live page ${randomUUID().slice(0, 8)}`;
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "dave@acme.test");
  await expect(customer).toHaveURL(/\/requests$/);
  const requestId = await openRequest(customer, { subject, description: "Does the page follow along?", priority: "S4-Question" });
  const draft = "I am still typing this and it must not vanish";
  await customer.getByRole("form", { name: "Reply" }).getByLabel("Your reply").fill(draft);
  // A full reload would forget this.
  await customer.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  await agentReplies(browser, requestId, "Yes: this answer arrives on its own.");

  await expect(customer.getByText("Yes: this answer arrives on its own.")).toBeVisible({ timeout: 15_000 });
  await expect(customer.getByRole("heading", { level: 1 }).locator("..").getByText("Pending", { exact: true })).toBeVisible();
  await expect(customer.getByRole("form", { name: "Reply" }).getByLabel("Your reply")).toHaveValue(draft);
  expect(await customer.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await customer.context().close();
});

test("My Requests shows a row's new status without a reload, keeping the search being typed", async ({ browser }) => {
  const subject = `Live row ${randomUUID().slice(0, 8)}`;
  const customer = await (await browser.newContext()).newPage();
  await signIn(customer, "dave@acme.test");
  await expect(customer).toHaveURL(/\/requests$/);
  const requestId = await openRequest(customer, { subject, description: "Does the list follow along?", priority: "S4-Question" });
  await customer.goto("/requests");
  const row = customer.getByRole("row").filter({ hasText: subject });
  await expect(row.getByText("Open", { exact: true })).toBeVisible();
  const search = customer.getByRole("searchbox").first();
  await search.fill("still typing");
  await customer.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  await agentReplies(browser, requestId, "Answered: the row moves to Pending.");

  await expect(row.getByText("Pending", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(search).toHaveValue("still typing");
  expect(await customer.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  await customer.context().close();
});

test("a list in a background tab waits until it is shown again, then refreshes once", async ({ browser }) => {
  const subject = `Hidden row ${randomUUID().slice(0, 8)}`;
  const context = await browser.newContext();
  await trackEventStreams(context);
  // A headless page is always shown: the tab's visibility is set by the test, as the page reads it.
  await context.addInitScript(() => {
    const hidden = () => (window as unknown as { tabHidden?: boolean }).tabHidden === true;
    Object.defineProperty(Document.prototype, "visibilityState", { configurable: true, get: () => (hidden() ? "hidden" : "visible") });
    Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: hidden });
  });
  const customer = await context.newPage();
  await signIn(customer, "dave@acme.test");
  const requestId = await openRequest(customer, { subject, description: "Does a hidden list wait?", priority: "S4-Question" });
  await customer.goto("/requests");
  const row = customer.getByRole("row").filter({ hasText: subject });
  await expect(row.getByText("Open", { exact: true })).toBeVisible();

  const setHidden = (hidden: boolean) =>
    customer.evaluate((tabHidden) => {
      Object.assign(window, { tabHidden });
      document.dispatchEvent(new Event("visibilitychange"));
    }, hidden);
  await waitForOpenStream(customer);
  await setHidden(true);
  const refreshes = countRefreshes(customer, "/requests");
  // A second follower of the row's stream tells the test when the change has reached the page.
  const changeReached = await followStream(customer, `/api/requests/events?ids=${requestId}`, "changed");

  await agentReplies(browser, requestId, "Answered while the list was out of sight.");

  await changeReached(requestId);
  // Well past the moment a shown list would have refreshed (150 ms after the event).
  await customer.waitForTimeout(1_500);
  expect(refreshes).toEqual([]);
  await expect(row.getByText("Open", { exact: true })).toBeVisible();

  await setHidden(false);
  await expect(row.getByText("Pending", { exact: true })).toBeVisible({ timeout: 15_000 });
  expect(refreshes).toHaveLength(1);
  await context.close();
});
