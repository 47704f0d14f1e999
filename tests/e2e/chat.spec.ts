import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { openRequest, signIn, openAgentAction } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Issue 13, live chat from both sides: dave@acme.test chats with the agent console. Only this spec
// makes agent@portico.test (Morgan Ellis) and hana@portico.test (Hana Seo) Available, and each test
// switches them back to Away in any case: the e2e database is shared by parallel specs, and one of
// them checks what happens when nobody is available. The tests run one after the other, since they
// share Morgan's availability. dave's requests are his own, opened here with a unique subject.

const MORGAN = "agent@portico.test";
const HANA = "hana@portico.test";
const CUSTOMER = "dave@acme.test";
test.describe.configure({ mode: "serial" });

/** The chat's words in a language of the app (hana@portico.test reads the console in Korean). */
function words(locale: "en" | "ko") {
  const messages = JSON.parse(readFileSync(new URL(`../../src/i18n/messages/${locale}.json`, import.meta.url), "utf8")) as {
    chat: {
      panel: { log: string; message: string; send: string; end: string };
    };
    agentChats: {
      mine: { heading: string };
      chat: { heading: string };
      waiting: { accept: string };
      refusals: { not_waiting: string };
    };
  };
  const { panel } = messages.chat;
  return {
    log: panel.log,
    message: panel.message,
    send: panel.send,
    end: panel.end,
    yourChats: messages.agentChats.mine.heading,
    chatWith: messages.agentChats.chat.heading,
    accept: messages.agentChats.waiting.accept,
    notWaiting: messages.agentChats.refusals.not_waiting,
  };
}
const EN = words("en");
const KO = words("ko");

interface Person {
  context: BrowserContext;
  page: Page;
}

async function signedIn(browser: Browser, email: string): Promise<Person> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/** The console header's switch (one per page; its name is in the agent's language). */
function availability(page: Page) {
  return page.getByRole("switch");
}

async function setAvailable(page: Page, available: boolean) {
  if (!page.url().includes("/agent")) await page.goto("/agent/chats");
  const toggle = availability(page);
  if ((await toggle.getAttribute("aria-checked")) !== String(available)) await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", String(available));
}

/** Back to Away, whatever state the page was left in. */
async function goAway(person: Person | undefined) {
  if (!person) return;
  await person.page.goto("/agent/chats");
  await setAvailable(person.page, false);
}

/** Marks the page, to show later that it was never reloaded. */
async function markPage(page: Page) {
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));
}

async function expectSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
}

/**
 * Records every text the page's status regions announce from now on. Other specs start chats at the
 * same time, and a later announcement replaces an earlier one: what counts is that ours was made.
 */
async function recordAnnouncements(page: Page) {
  await page.evaluate(() => {
    const heard: string[] = [];
    const listen = () => {
      for (const region of document.querySelectorAll('[role="status"]')) {
        const text = region.textContent?.trim();
        if (text && !heard.includes(text)) heard.push(text);
      }
    };
    new MutationObserver(listen).observe(document.body, { subtree: true, childList: true, characterData: true });
    Object.assign(window, { announcements: heard });
  });
}

function announcements(page: Page) {
  return page.evaluate(() => (window as unknown as { announcements?: string[] }).announcements ?? []);
}

/** Writes a line in the chat on this page and sends it. */
async function send(page: Page, text: string, said = EN) {
  await page.getByRole("textbox", { name: said.message, exact: true }).fill(text);
  await page.getByRole("button", { name: said.send, exact: true }).click();
}

function chatLog(page: Page, said = EN) {
  return page.getByRole("log", { name: said.log });
}

/** dave starts a chat from the "Chat with support" button of his request's page. */
async function startChatAbout(customer: Page, requestId: number, message: string) {
  await customer.goto(`/requests/${requestId}`);
  await customer.getByRole("link", { name: "Chat with support" }).click();
  await expect(
    customer.getByRole("heading", {
      name: `Chat with support about #${requestId}`,
      level: 1,
    }),
  ).toBeVisible();
  await customer
    .getByRole("textbox", {
      name: `What would you like to ask about #${requestId}?`,
    })
    .fill(message);
  await customer.getByRole("button", { name: "Start chat" }).click();
  await expect(customer).toHaveURL(new RegExp(`/requests/${requestId}#chat$`));
  await expect(chatLog(customer)).toBeVisible();
}

/** The agent accepts the waiting chat whose first line is `firstLine`, without reloading the Chats page. */
async function acceptWaiting(agent: Page, firstLine: string) {
  const waiting = agent.getByRole("listitem").filter({ hasText: firstLine });
  await expect(waiting).toBeVisible({ timeout: 15_000 });
  await waiting.getByRole("button", { name: /^Accept/ }).click();
  await expect(agent).toHaveURL(/\/agent\/chats\/[\w-]+$/);
}

test("a customer reopens a Solved request by chat; the agent accepts, they talk live, and the transcript joins the thread", async ({ browser }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 8);
  const subject = `Chat e2e ${tag}: the dashboard export is blank again`;
  let agent: Person | undefined;
  let customer: Person | undefined;
  try {
    agent = await signedIn(browser, MORGAN);
    customer = await signedIn(browser, CUSTOMER);

    // dave's request, Solved by Morgan.
    const requestId = await openRequest(customer.page, {
      subject,
      description: "The PDF export of the sales dashboard is blank.",
      priority: "S4-Question",
    });
    await agent.page.goto(`/agent/requests/${requestId}`);
    const solve = await openAgentAction(agent.page, "Solve");
    await solve.getByLabel("How it was solved").selectOption("agreed");
    await solve.getByRole("button", { name: "Solve" }).click();
    await expect(solve.getByRole("status")).toHaveText("The request is Solved.");

    // Morgan is Available and watches the Chats page.
    await agent.page.goto("/agent/chats");
    await expect(agent.page.getByRole("heading", { name: "Chats", level: 1 })).toBeVisible();
    await expect(agent.page.getByRole("switch", { name: "Available for chats" })).toHaveAttribute("aria-checked", "false");
    await setAvailable(agent.page, true);
    await markPage(agent.page);
    await recordAnnouncements(agent.page);

    // dave chats about his Solved request.
    const first = `Hello, ${tag} is blank again after the fix.`;
    await startChatAbout(customer.page, requestId, first);
    await markPage(customer.page);

    // The waiting chat shows up on Morgan's page by itself, and is announced.
    const waiting = agent.page.getByRole("listitem").filter({ hasText: first });
    await expect(waiting).toBeVisible({ timeout: 15_000 });
    await expect(waiting).toContainText("Dave Whitfield, Acme");
    await expect(waiting.getByRole("link", { name: `#${requestId} ${subject}` })).toHaveAttribute("href", `/agent/requests/${requestId}`);
    const agentPage = agent.page;
    await expect.poll(() => announcements(agentPage)).toContainEqual(expect.stringContaining(`New chat waiting: #${requestId} `));
    await expectSamePage(agent.page);
    await expectAccessible(agent.page);

    await acceptWaiting(agent.page, first);
    await expect(
      agent.page.getByRole("heading", {
        name: "Chat with Dave Whitfield",
        level: 1,
      }),
    ).toBeVisible();
    await expect(chatLog(agent.page).getByText(first)).toBeVisible();
    await expect(agent.page.getByRole("complementary", { name: "Request history" }).getByRole("link", { name: `Open request #${requestId}` })).toBeVisible();
    await markPage(agent.page);
    await expectAccessible(agent.page);

    // dave hears that Morgan joined; they talk, each line reaching the other side by itself.
    await expect(chatLog(customer.page).getByText("Morgan Ellis joined the chat")).toBeVisible({ timeout: 15_000 });
    const fromCustomer = `Is it the same problem as last time? (${tag})`;
    await send(customer.page, fromCustomer);
    await expect(chatLog(agent.page).getByText(fromCustomer)).toBeVisible({
      timeout: 15_000,
    });

    // While Morgan types, dave sees it.
    const fromAgent = `It looks like it; I am checking the export service now (${tag}).`;
    await agent.page.getByRole("textbox", { name: "Message", exact: true }).fill(fromAgent);
    await expect(customer.page.getByText("Morgan Ellis is typing…")).toBeVisible({ timeout: 10_000 });
    await agent.page.getByRole("button", { name: "Send", exact: true }).click();
    await expect(chatLog(customer.page).getByText(fromAgent)).toBeVisible({
      timeout: 15_000,
    });
    await expect(chatLog(customer.page).getByText(fromAgent)).toHaveCount(1);
    await expect(chatLog(agent.page).getByText(fromCustomer)).toHaveCount(1);

    // Morgan ends the chat: dave's page shows the transcript in the thread, and the request reopened by it.
    await agent.page.getByRole("button", { name: "End chat" }).click();
    const transcript = customer.page.getByRole("region", {
      name: /^Chat transcript/,
    });
    await expect(transcript).toBeVisible({ timeout: 15_000 });
    await expect(transcript.getByText(first)).toBeVisible();
    await expect(transcript.getByText(fromCustomer)).toBeVisible();
    await expect(transcript.getByText(fromAgent)).toBeVisible();
    await expect(transcript.getByText("Reopened by this chat")).toBeVisible();
    await expect(customer.page.locator("header").getByText("Open", { exact: true })).toBeVisible();
    await expectSamePage(customer.page);
    await expectSamePage(agent.page);
  } finally {
    await goAway(agent);
    await customer?.context.close();
    await agent?.context.close();
  }
});

/**
 * A pass-through proxy to the app whose event streams can be cut, as a dropped connection does: the
 * open streams' connections are destroyed, and new ones fail until it is restored. Cookies are per
 * host, not port, so a browser context signs in through it as usual.
 */
async function startCuttableProxy(target: string) {
  const to = new URL(target);
  const streams = new Set<Socket>();
  let blocked = false;
  const server = createServer((request, response) => {
    const isStream = /\/events(\?|$)/.test(request.url ?? "");
    if (isStream && blocked) return void request.socket.destroy();
    const upstream = httpRequest(
      {
        host: to.hostname,
        port: to.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.destroy());
    response.on("close", () => upstream.destroy());
    request.pipe(upstream);
    if (isStream) {
      const socket = request.socket;
      streams.add(socket);
      socket.on("close", () => streams.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    cut() {
      blocked = true;
      for (const socket of streams) socket.destroy();
    },
    restore() {
      blocked = false;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

test("a customer whose stream was cut sees the agent's lines sent meanwhile once each, in order", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const tag = randomUUID().slice(0, 8);
  const proxy = await startCuttableProxy(baseURL!);
  let agent: Person | undefined;
  let customer: Person | undefined;
  try {
    agent = await signedIn(browser, MORGAN);
    // dave reaches the app through the proxy.
    const context = await browser.newContext({ baseURL: proxy.url });
    customer = { context, page: await context.newPage() };
    await signIn(customer.page, CUSTOMER);
    await expect(customer.page).not.toHaveURL(/\/signin/);
    expect(new URL(customer.page.url()).origin).toBe(proxy.url);
    const requestId = await openRequest(customer.page, {
      subject: `Chat e2e ${tag}: reconnecting`,
      description: "A question for a chat.",
      priority: "S4-Question",
    });
    await setAvailable(agent.page, true);
    await agent.page.goto("/agent/chats");

    const first = `Question ${tag}: where do I find the audit log?`;
    await startChatAbout(customer.page, requestId, first);
    await acceptWaiting(agent.page, first);
    await expect(chatLog(customer.page).getByText("Morgan Ellis joined the chat")).toBeVisible({ timeout: 15_000 });
    const before = `Before the cut (${tag}).`;
    await send(agent.page, before);
    await expect(chatLog(customer.page).getByText(before)).toBeVisible({
      timeout: 15_000,
    });
    await markPage(customer.page);

    // dave's connection drops; Morgan writes twice meanwhile.
    proxy.cut();
    await expect(customer.page.getByText("Connection lost. Reconnecting…")).toBeVisible({ timeout: 15_000 });
    const lines = [`First while you were away (${tag}).`, `Second while you were away (${tag}).`];
    for (const line of lines) {
      await send(agent.page, line);
      await expect(chatLog(agent.page).getByText(line)).toBeVisible();
    }
    await expect(chatLog(customer.page).getByText(lines[0]!)).toHaveCount(0);
    proxy.restore();

    // Back online, the stream resumes where it stopped: each line once, in order, without a reload.
    const log = chatLog(customer.page);
    for (const line of lines) await expect(log.getByText(line)).toHaveCount(1, { timeout: 30_000 });
    await expect(log.getByText(before)).toHaveCount(1);
    const text = await log.innerText();
    expect(text.indexOf(before)).toBeLessThan(text.indexOf(lines[0]!));
    expect(text.indexOf(lines[0]!)).toBeLessThan(text.indexOf(lines[1]!));
    await expect(customer.page.getByText("Connection lost. Reconnecting…")).toHaveCount(0);
    await expectSamePage(customer.page);

    await agent.page.getByRole("button", { name: "End chat" }).click();
    await expect(chatLog(customer.page).getByText("The chat has ended")).toBeVisible({ timeout: 15_000 });
  } finally {
    proxy.restore();
    await goAway(agent);
    await customer?.context.close();
    await agent?.context.close();
    await proxy.stop();
  }
});

test("an agent transfers a chat to another available agent, who carries it on", async ({ browser }) => {
  test.setTimeout(150_000);
  const tag = randomUUID().slice(0, 8);
  let morgan: Person | undefined;
  let hana: Person | undefined;
  let customer: Person | undefined;
  try {
    morgan = await signedIn(browser, MORGAN);
    hana = await signedIn(browser, HANA);
    customer = await signedIn(browser, CUSTOMER);
    await setAvailable(hana.page, true);
    await setAvailable(morgan.page, true);
    await morgan.page.goto("/agent/chats");

    // dave chats about a new topic; Morgan takes it.
    const first = `New topic ${tag}: how do I share a dashboard with a partner?`;
    await customer.page.goto("/requests/chat");
    await customer.page.getByRole("textbox", { name: "How can we help?" }).fill(first);
    await customer.page.getByRole("button", { name: "Start chat" }).click();
    await expect(customer.page).toHaveURL(/\/requests\/\d+#chat$/);
    const requestId = Number(new URL(customer.page.url()).pathname.split("/").pop());
    // Hana's page, kept from refreshing itself, still offers the chat after Morgan took it.
    await hana.page.route("**/api/agent/events**", (route) => route.abort());
    await hana.page.goto("/agent/chats");
    const stale = hana.page.getByRole("listitem").filter({ hasText: first });
    await expect(stale).toBeVisible();
    await acceptWaiting(morgan.page, first);
    await expect(chatLog(customer.page).getByText("Morgan Ellis joined the chat")).toBeVisible({ timeout: 15_000 });
    await markPage(customer.page);
    await stale.getByRole("button", { name: new RegExp(KO.accept) }).click();
    await expect(hana.page.getByRole("alert").filter({ hasText: KO.notWaiting })).toBeVisible();
    await expect(hana.page).toHaveURL(/\/agent\/chats\?refused=not_waiting$/);
    await hana.page.unroute("**/api/agent/events**");

    // Morgan hands it to Hana and goes back to the Chats page.
    const chatUrl = morgan.page.url();
    const transfer = morgan.page.getByRole("region", { name: "Transfer" });
    await transfer.getByLabel("Agent").selectOption({ label: "Hana Seo" });
    await transfer.getByRole("button", { name: "Transfer" }).click();
    await expect(morgan.page).toHaveURL(/\/agent\/chats\?transferred=\d+$/);
    await expect(morgan.page.getByRole("status").filter({ hasText: `The chat about #${requestId} was transferred.` })).toBeVisible();

    // dave is told, without a reload; Hana finds it among her chats and writes.
    await expect(chatLog(customer.page).getByText("Hana Seo took over the chat")).toBeVisible({ timeout: 15_000 });
    await hana.page.goto("/agent/chats");
    const mine = hana.page.getByRole("region", {
      name: new RegExp(`^${KO.yourChats}`),
    });
    await mine
      .getByRole("listitem")
      .filter({ hasText: `#${requestId} ` })
      .getByRole("link", {
        name: KO.chatWith.replace("{customer}", "Dave Whitfield"),
      })
      .click();
    await expect(hana.page).toHaveURL(chatUrl);
    await expect(chatLog(hana.page, KO).getByText(first)).toBeVisible();
    const fromHana = `Hana here (${tag}): open the dashboard's Share menu.`;
    await send(hana.page, fromHana, KO);
    await expect(chatLog(customer.page).getByText(fromHana)).toBeVisible({
      timeout: 15_000,
    });
    await expectSamePage(customer.page);

    // Morgan may still read it, but no longer writes in it.
    await morgan.page.goto(chatUrl);
    await expect(morgan.page.getByText("Hana Seo holds this chat. You can read it, but not write in it.")).toBeVisible();
    await expect(chatLog(morgan.page).getByText(fromHana)).toBeVisible();
    await expect(morgan.page.getByRole("textbox", { name: "Message", exact: true })).toHaveCount(0);

    await hana.page.getByRole("button", { name: KO.end }).click();
    await expect(chatLog(customer.page).getByText("The chat has ended")).toBeVisible({ timeout: 15_000 });
  } finally {
    await goAway(hana);
    await goAway(morgan);
    await customer?.context.close();
    await hana?.context.close();
    await morgan?.context.close();
  }
});

test("the agent queue shows a new request without a reload, keeping what the agent typed", async ({ browser }) => {
  const tag = `queue${randomUUID().slice(0, 8)}`;
  let agent: Person | undefined;
  let customer: Person | undefined;
  try {
    agent = await signedIn(browser, MORGAN);
    customer = await signedIn(browser, CUSTOMER);
    await agent.page.goto(`/agent?q=${tag}`);
    await expect(agent.page.getByRole("table")).toHaveCount(0);
    await markPage(agent.page);
    // Typed, not yet sent: a refresh of the page keeps it.
    await agent.page.getByLabel("Search all requests").fill(`${tag} draft`);

    const subject = `Live queue ${tag}: a new request`;
    await openRequest(customer.page, {
      subject,
      description: "Does the queue show me at once?",
      priority: "S4-Question",
    });
    await expect(agent.page.getByRole("link", { name: subject })).toBeVisible({
      timeout: 15_000,
    });
    await expect(agent.page.getByLabel("Search all requests")).toHaveValue(`${tag} draft`);
    await expectSamePage(agent.page);
  } finally {
    await customer?.context.close();
    await agent?.context.close();
  }
});
