import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type Page } from "@playwright/test";
import { withE2eDatabase } from "../setup/e2e-database";
import { signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// Webhooks in the agent console: an agent adds an endpoint (a real receiver on 127.0.0.1, started
// here), reads its secret, reads a failed delivery in its log and redelivers it. A failed delivery
// cannot be made from a page, so this spec writes that row itself, for a request number no demo
// request has (so that deliveries of other specs' events to the same endpoint are told apart).

const AGENT = "agent@portico.test";
const run = randomBytes(4).toString("hex");
const REQUEST_NUMBER = 900_000 + Math.floor(Math.random() * 99_999);
let receiver: Server;
let receiverUrl = "";

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.writeHead(200, { "content-type": "text/plain" }).end("ok"));
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/${run}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

async function expectNoViolations(page: Page) {
  await expectAccessible(page);
}

test("an agent adds an endpoint, reveals its secret, reads a failed delivery and redelivers it", async ({ page }) => {
  test.slow();
  await signIn(page, AGENT, "/agent");
  await page.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expectNoViolations(page);

  // Bad input is refused beside the field, and what was typed stays.
  const form = page.getByRole("form", { name: "Add endpoint" });
  await form.getByLabel("URL").fill(`https://user:secret@example.test/${run}`);
  await form.getByLabel("Description").fill(`Receiver ${run}`);
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(form.getByRole("alert")).toContainText("Leave the user name and password out of the URL");
  await expect(form.getByLabel("URL")).toHaveAccessibleDescription(/Leave the user name and password out of the URL/);
  await expect(form.getByLabel("URL")).toHaveValue(`https://user:secret@example.test/${run}`);
  await expect(form.getByLabel("Description")).toHaveValue(`Receiver ${run}`);

  await form.getByLabel("URL").fill(receiverUrl);
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: receiverUrl })).toBeVisible();
  const endpointId = new URL(page.url()).pathname.split("/").at(-1) ?? "";
  expect(endpointId).toMatch(/^[a-z0-9]+$/);

  // Listed, with no failures yet.
  await page.getByRole("link", { name: "All endpoints" }).click();
  const listed = page.getByRole("listitem").filter({ hasText: receiverUrl });
  await expect(listed).toContainText(`Receiver ${run}`);
  await expect(listed).toContainText("No failed deliveries");
  await listed.getByRole("link", { name: receiverUrl }).click();

  // The secret shows only when asked for.
  const secret = page.getByRole("region", { name: "Signing secret" });
  await expect(secret.getByText(/^whsec_/)).toBeHidden();
  await secret.getByText("Show secret").click();
  await expect(secret.getByText(/^whsec_[A-Za-z0-9+/]{43}=$/)).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(1);
  await expectNoViolations(page);

  // A delivery that failed, as the delivery job leaves one: its last answer was a 500.
  const deliveryId = `e2ewh${run}`;
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO "WebhookDelivery" (id, "endpointId", "messageId", event, "requestId", payload, status, attempts, "lastStatusCode", "lastError", "createdAt")
       VALUES ($1, $2, $3, 'request.created', $4, $5, 'failed', 1, 500, 'HTTP 500', now())`,
      [deliveryId, endpointId, `msg_${run}`, REQUEST_NUMBER, JSON.stringify({ type: "request.created", data: { subject: `<script>alert("${run}")</script>` } })],
    );
    await db.query(`INSERT INTO "WebhookAttempt" (id, "deliveryId", number, at, "statusCode", "responseBody", "durationMs") VALUES ($1, $2, 1, now(), 500, $3, 37)`, [
      `e2ewa${run}`,
      deliveryId,
      `<b>Internal error ${run}</b>`,
    ]);
  });
  await page.reload();
  const log = page.getByRole("table", { name: "Deliveries to this endpoint, newest first" });
  const ours = log.getByRole("row").filter({ has: page.getByRole("link", { name: `Request #${REQUEST_NUMBER}` }) });
  await expect(ours).toHaveCount(1);
  await expect(ours).toContainText("Failed");
  await expect(ours).toContainText("500");
  await expect(ours).toContainText("request.created");

  // Its page: the attempt with the receiver's answer and the payload, as text.
  await ours.getByRole("link", { name: /^Delivery of request\.created/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delivery of request.created" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Each attempt and what the receiver answered" })).toContainText(`<b>Internal error ${run}</b>`);
  await expect(page.getByRole("region", { name: "Payload" })).toContainText(`<script>alert(\\"${run}\\")</script>`);
  await expectNoViolations(page);

  await expect(page.getByRole("status")).toHaveCount(1);
  await page.getByRole("button", { name: "Redeliver" }).click();
  await expect(page.getByRole("status")).toHaveText("Queued again as a new delivery.");

  // Back in the log: a second delivery of the same event, on its way (or already delivered: the
  // delivery job may be quick), above the failed one.
  await page.getByRole("link", { name: "Back to the endpoint" }).click();
  await expect(ours).toHaveCount(2);
  await expect(ours.nth(0)).toContainText(/Queued|Sending|Delivered/);
  await expect(ours.nth(1)).toContainText("Failed");
  const copies = await withE2eDatabase(async (db) => (await db.query<{ status: string }>(`SELECT status FROM "WebhookDelivery" WHERE "messageId" = $1 ORDER BY "createdAt"`, [`msg_${run}`])).rows);
  expect(copies.map((row) => row.status)).toEqual(["failed", expect.stringMatching(/^(queued|sending|delivered)$/)]);
});

test("without JavaScript, an agent adds an endpoint and turns it off", async ({ browser }) => {
  // Signed in with JavaScript, then the same session in a browser without it.
  const signingIn = await browser.newContext();
  const signInPage = await signingIn.newPage();
  await signIn(signInPage, AGENT);
  const context = await browser.newContext({ storageState: await signingIn.storageState(), javaScriptEnabled: false });
  await signingIn.close();
  const page = await context.newPage();
  await page.goto("/agent/webhooks");
  const form = page.getByRole("form", { name: "Add endpoint" });
  const url = `${receiverUrl}/plain`;
  await form.getByLabel("URL").fill(url);
  await form.getByLabel("Internal endpoint").check();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByRole("heading", { level: 1, name: url })).toBeVisible();
  await expect(page.getByLabel("Internal endpoint")).toBeChecked();
  await page.getByRole("button", { name: "Turn off" }).click();
  await expect(page.getByText("This endpoint is off")).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn on" })).toBeVisible();
  await context.close();
});

test("customers find no webhook pages", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
  for (const path of ["/agent/webhooks", `/agent/webhooks/e2e${run}`, `/agent/webhooks/e2e${run}/deliveries/e2e${run}`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Webhooks" })).toHaveCount(0);
  }
});
