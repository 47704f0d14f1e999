import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { e2eServerDetails } from "../setup/e2e-database";
import { startSecondInstance, type SecondInstance } from "../setup/second-instance";
import { signIn } from "./fixtures";

// Issue 13, two app instances on one PostgreSQL (docs/realtime.md, fan-out across instances): the
// customer is on the Playwright server (instance A), the agent on a second instance of the same build
// (B). Nothing is sticky: every message is stored, and the other instance hears of it through
// PostgreSQL's NOTIFY. Only sam is made Available here, and he goes back to Away in any case.

const AGENT = "sam@portico.test";
const CUSTOMER = "carol@acme.test";

// Sam reads the console in Italian (his profile's language): his labels come from the same messages the app shows.
const italian = JSON.parse(readFileSync(new URL("../../src/i18n/messages/it.json", import.meta.url), "utf8")) as {
  agentChats: { availability: { label: string } };
  chat: { panel: { message: string; send: string } };
};
const SAM = { available: italian.agentChats.availability.label, message: italian.chat.panel.message, send: italian.chat.panel.send };
const CAROL = { message: "How can we help?", message2: "Message", send: "Send" };

let second: SecondInstance | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // The embedded database serves one instance only; CI (.ci/run) runs the browser tests on a PostgreSQL server.
  test.skip(e2eServerDetails().poolMax < 2, "Two instances need a PostgreSQL server: set TEST_DATABASE_URL.");
  second = await startSecondInstance();
});

test.afterAll(async () => {
  await second?.stop();
});

function availability(page: Page) {
  return page.getByRole("switch", { name: SAM.available });
}

test("a customer on one instance and an agent on another chat, each seeing the other's messages without a reload", async ({ browser }) => {
  test.setTimeout(90_000);
  const instanceB = second!.baseURL;
  const topic = `Two instances ${randomUUID().slice(0, 8)}: the export stops at 10,000 rows`;

  const agentContext = await browser.newContext({ baseURL: instanceB });
  const agent = await agentContext.newPage();
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  await signIn(agent, AGENT);
  try {
    // Sam, on instance B, is Available and watches the waiting chats.
    await agent.goto("/agent/chats");
    expect(new URL(agent.url()).origin).toBe(instanceB);
    if (!(await availability(agent).isChecked())) await availability(agent).click();
    await expect(availability(agent)).toBeChecked();

    // Carol, on instance A, starts a chat about a new topic.
    await signIn(customer, CUSTOMER, "/requests/chat");
    await customer.getByLabel(CAROL.message).fill(topic);
    await customer.getByRole("button", { name: "Start chat" }).click();

    // The waiting chat reaches instance B's console on its own; sam takes it.
    const waiting = agent.getByRole("listitem").filter({ hasText: topic });
    await expect(waiting).toBeVisible({ timeout: 15_000 });
    await waiting.getByRole("button", { name: /Carol Jensen/ }).click();
    await expect(agent.getByRole("log").getByText(topic)).toBeVisible();

    // Carol hears on A that sam joined, then they talk across the two instances.
    await expect(customer.getByText(/Sam Moretti/).first()).toBeVisible({ timeout: 15_000 });
    await customer.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
    await agent.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    const fromAgent = "Hello Carol, Sam here (instance B). Which data source is it?";
    await send(agent, SAM, fromAgent);
    await expect(customer.getByRole("log").getByText(fromAgent)).toBeVisible({ timeout: 15_000 });

    const fromCustomer = "Hi Sam, it is the warehouse connection (instance A).";
    await send(customer, { message: CAROL.message2, send: CAROL.send }, fromCustomer);
    await expect(agent.getByRole("log").getByText(fromCustomer)).toBeVisible({ timeout: 15_000 });

    const again = "Thanks, I can see it now.";
    await send(agent, SAM, again);
    await expect(customer.getByRole("log").getByText(again)).toBeVisible({ timeout: 15_000 });

    // Each message appears once on each side, and neither page was reloaded.
    for (const text of [fromAgent, fromCustomer, again]) {
      await expect(customer.getByRole("log").getByText(text)).toHaveCount(1);
      await expect(agent.getByRole("log").getByText(text)).toHaveCount(1);
    }
    for (const page of [customer, agent]) expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  } finally {
    // The e2e database is shared by parallel specs: sam must not stay Available.
    await agent.goto("/agent/chats");
    if (await availability(agent).isChecked()) await availability(agent).click();
    await expect(availability(agent)).not.toBeChecked();
    await customerContext.close();
    await agentContext.close();
  }
});

/** Writes a line in the chat on this page and sends it, with the labels of the page's language. */
async function send(page: Page, labels: { message: string; send: string }, text: string) {
  await page.getByLabel(labels.message, { exact: true }).fill(text);
  await page.getByRole("button", { name: labels.send, exact: true }).click();
}
