import { randomUUID } from "node:crypto";
import { expect, test, type BrowserContext } from "@playwright/test";
import { e2eServerDetails } from "../setup/e2e-database";
import { startNginx, type Proxy } from "../setup/nginx";
import { startSecondInstance, type SecondInstance } from "../setup/second-instance";
import { newCustomerLikeAlice, openRequest, signIn } from "./fixtures";

// docs/deploy.md: two app instances on one PostgreSQL behind nginx, run from the committed
// deploy/nginx.conf (round robin, no sticky sessions). Instance A is the Playwright server, B a second
// instance of the same build; the browser only ever talks to nginx, on 127.0.0.1 (another host than
// the instances' localhost, so no cookie of theirs can help). nginx names the instance that answered
// in X-Upstream.

const PORT = Number(process.env.E2E_PORT ?? 3100);
// chat-two-instances.spec.ts, running beside this one, takes PORT + 2.
const SECOND_PORT = PORT + 3;
const PROXY_PORT = PORT + 4;

let second: SecondInstance | undefined;
let proxy: Proxy | undefined;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // The embedded database serves one instance only; CI (.ci/run) runs the browser tests on a PostgreSQL server.
  test.skip(e2eServerDetails().poolMax < 2, "Two instances need a PostgreSQL server: set TEST_DATABASE_URL.");
  second = await startSecondInstance(SECOND_PORT);
  proxy = await startNginx({ port: PROXY_PORT, upstreams: [PORT, SECOND_PORT] });
});

test.afterAll(async () => {
  await proxy?.stop();
  await second?.stop();
});

const upstreamOf = (response: { headers(): Record<string, string> } | null) => response?.headers()["x-upstream"] ?? "";
const INSTANCES = [`127.0.0.1:${PORT}`, `127.0.0.1:${SECOND_PORT}`];

test("a session signed in through nginx is served by both instances, and a reply written on one reaches a page streamed by the other", async ({ browser }) => {
  test.setTimeout(90_000);
  const customer = await newCustomerLikeAlice({ idPrefix: "proxy", name: "Paula Proxy" });
  const customerContext = await browser.newContext({ baseURL: proxy!.baseURL });
  const page = await customerContext.newPage();
  let agentContext: BrowserContext | undefined;
  try {
    await signIn(page, customer.email);
    await expect(page).toHaveURL(/\/requests$/);
    expect(new URL(page.url()).origin).toBe(proxy!.baseURL);

    // The one session cookie, on page after page: round robin sends them to both instances, and each
    // answers as the signed-in person (a page for someone signed out would redirect to /signin).
    const answered = new Set<string>();
    for (let attempt = 0; attempt < 6; attempt++) {
      const response = await customerContext.request.get("/requests", { maxRedirects: 0 });
      expect(response.status(), `answer of ${upstreamOf(response)}`).toBe(200);
      expect(await response.text()).toContain(customer.name);
      answered.add(upstreamOf(response));
    }
    expect([...answered].sort()).toEqual([...INSTANCES].sort());

    // The customer opens a request and watches its page; its live stream goes through nginx to one instance.
    const subject = `Behind the proxy ${randomUUID().slice(0, 8)}`;
    const requestId = await openRequest(page, { subject, description: "Does a reply reach me through the proxy?", priority: "S4-Question" });
    const stream = page.waitForResponse((response) => new URL(response.url()).pathname === `/api/requests/${requestId}/events`);
    const document = await page.goto(`/requests/${requestId}`);
    expect(document?.status()).toBe(200);
    const streamedBy = upstreamOf(await stream);
    expect(INSTANCES).toContain(streamedBy);
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

    // The agent replies on the other instance, straight to it: only PostgreSQL's NOTIFY can tell the stream's instance.
    const writer = INSTANCES.find((instance) => instance !== streamedBy)!;
    agentContext = await browser.newContext({ baseURL: writer.endsWith(`:${PORT}`) ? `http://localhost:${PORT}` : second!.baseURL });
    const agent = await agentContext.newPage();
    await signIn(agent, "agent@portico.test", `/agent/requests/${requestId}`);
    expect(new URL(agent.url()).port).toBe(writer.split(":")[1]);
    const answer = `Answered on ${writer}, read through nginx from ${streamedBy}.`;
    const reply = agent.getByRole("form", { name: "Public reply", exact: true });
    await reply.getByLabel("Message").fill(answer);
    await reply.getByRole("button", { name: "Send reply" }).click();
    await expect(reply.getByRole("status")).toHaveText("Reply sent.");

    // It appears on the customer's page on its own: nginx passed the event on unbuffered.
    await expect(page.getByText(answer)).toBeVisible({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\nnginx's log:\n${proxy?.log() ?? ""}`, { cause: error });
  } finally {
    await customerContext.close();
    await agentContext?.close();
  }
});
