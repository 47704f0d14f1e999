import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { withE2eDatabase } from "../setup/e2e-database";
import { signIn } from "./fixtures";
import { expectAccessible } from "./accessibility";

// The agent console's Mail page, and how each message of a thread says by which channel it came. Mail
// that came in from outside, or was kept while no outgoing server was set, cannot be made from a page,
// so this spec writes those rows itself, with ids and subjects of its own; the demo requests it
// opens (#1002, #1003) are only read.

const AGENT = "agent@portico.test";
const run = randomBytes(4).toString("hex");
const OUTGOING = { id: `e2eout${run}`, subject: `Kept reply ${run}`, to: `kept-${run}@example.test` };
const INCOMING = { id: `e2ein${run}`, subject: `Held question ${run}`, from: `stranger-${run}@example.test` };
// One row for every worker that runs this file: the comment can have one original mail only.
const ORIGINAL = { id: "e2eoriginal1002" };

const HTML = `<!doctype html><html><body><h1>Hello from the outbox ${run}</h1><script>document.body.textContent = "SCRIPT RAN"</script></body></html>`;
const RAW = [
  `From: Stranger <${INCOMING.from}>`,
  "To: support@portico.test",
  `Subject: ${INCOMING.subject}`,
  "Date: Mon, 30 Nov 2026 05:00:00 +0000",
  `Message-ID: <${INCOMING.id}@example.test>`,
  "",
  "Who do I ask about <b>invoices</b>?",
  "",
].join("\r\n");

// Once per worker that runs this file's tests (they run in parallel): the rows are the same, so a
// second worker finds them there.
test.beforeAll(async () => {
  await withE2eDatabase(async (db) => {
    await db.query(
      `INSERT INTO "OutboundMail" (id, kind, "requestId", "toAddress", "fromHeader", "replyTo", subject, "messageId", "inReplyTo", "references", headers, text, html, locale, status, "createdAt")
       VALUES ($1, 'agent_reply', 1002, $2, '"Portico Support" <support@portico.test>', 'support+r1002@portico.test', $3, $4, 'earlier@portico.test', ARRAY['earlier@portico.test'], $5, $6, $7, 'en', 'kept', now() + interval '1 day') ON CONFLICT DO NOTHING`,
      [OUTGOING.id, OUTGOING.to, OUTGOING.subject, `${OUTGOING.id}@portico.test`, JSON.stringify({ "Auto-Submitted": "auto-replied", "List-Unsubscribe": `<http://localhost/unsubscribe/${run}>` }), `Hello in text ${run}`, HTML],
    );
    await db.query(
      `INSERT INTO "InboundMail" (id, "messageId", transport, raw, "byteSize", "fromAddress", "fromName", subject, status, reason, "receivedAt")
       VALUES ($1, $2, 'smtp', $3, $4, $5, 'Stranger', $6, 'held', 'unknown_sender', now() + interval '1 day') ON CONFLICT DO NOTHING`,
      [INCOMING.id, `${INCOMING.id}@example.test`, Buffer.from(RAW), Buffer.byteLength(RAW), INCOMING.from, INCOMING.subject],
    );
    // The mail gina's emailed reply on #1002 came as.
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM "Comment" WHERE "requestId" = 1002 AND channel = 'email' AND visibility = 'public' ORDER BY "createdAt" LIMIT 1`);
    await db.query(
      `INSERT INTO "InboundMail" (id, "messageId", transport, raw, "byteSize", "fromAddress", subject, status, "requestId", "commentId")
       VALUES ($1, $2, 'smtp', $3, 10, 'gina@globex.test', 'Re: Invoice', 'appended', 1002, $4) ON CONFLICT DO NOTHING`,
      [ORIGINAL.id, `${ORIGINAL.id}@example.test`, Buffer.from("Subject: x\r\n\r\n"), rows[0]?.id],
    );
  });
});

async function signInAsAgent(page: Page) {
  await signIn(page, AGENT);
}

test("an agent opens Mail and sees a kept mail's headers, its text, and its HTML in a frame where no script runs", async ({ page }) => {
  // Two pages and two accessibility checks.
  test.slow();
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) violations.push(message.text());
  });
  await signInAsAgent(page);
  await page.goto("/agent");
  await page.getByRole("navigation", { name: "Agent console" }).getByRole("link", { name: /^Mail/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mail" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Mail sections" }).getByRole("link", { name: "Outgoing" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: "Kept" }).click();
  await expect(page).toHaveURL(/status=kept/);
  const row = page.getByRole("row").filter({ hasText: OUTGOING.subject });
  await expect(row).toContainText("Kept");
  await expect(row).toContainText("Agent reply");
  await expect(row).toContainText(OUTGOING.to);
  await expect(row.getByRole("link", { name: "Request #1002" })).toHaveAttribute("href", "/agent/requests/1002");
  await expectAccessible(page, { withoutFrames: true });
  await row.getByRole("link", { name: OUTGOING.subject }).click();

  await expect(page.getByRole("heading", { level: 1, name: OUTGOING.subject })).toBeVisible();
  const headers = page.getByRole("region", { name: "Headers" });
  for (const text of [
    "From:",
    '"Portico Support" <support@portico.test>',
    `To:${OUTGOING.to}`,
    "Reply-To:support+r1002@portico.test",
    `Message-ID:<${OUTGOING.id}@portico.test>`,
    "In-Reply-To:<earlier@portico.test>",
    "References:<earlier@portico.test>",
    "Auto-Submitted:auto-replied",
    `List-Unsubscribe:<http://localhost/unsubscribe/${run}>`,
  ]) {
    await expect(headers).toContainText(text);
  }
  await expect(page.getByRole("region", { name: "Text part" }).locator("pre")).toHaveText(`Hello in text ${run}`);

  const frame = page.getByTitle("The mail's HTML part, shown without scripts");
  await expect(frame).toHaveAttribute("sandbox", "");
  const inside = page.frameLocator('iframe[title="The mail\'s HTML part, shown without scripts"]');
  await expect(inside.getByRole("heading", { name: `Hello from the outbox ${run}` })).toBeVisible();
  await expect(inside.getByText("SCRIPT RAN")).toHaveCount(0);
  // The page's policy lets the frame show; only the mail's own script may have been refused.
  expect(violations.filter((text) => !/script/i.test(text))).toEqual([]);
  await expectAccessible(page, { withoutFrames: true });
});

test("an agent reads a held mail's headers and source, downloads it, and discards it", async ({ page }) => {
  await signInAsAgent(page);
  await page.goto("/agent/mail?view=incoming");
  await expect(page.getByRole("navigation", { name: "Mail sections" }).getByRole("link", { name: "Incoming" })).toHaveAttribute("aria-current", "page");
  const row = page.getByRole("row").filter({ hasText: INCOMING.subject });
  await expect(row).toContainText("Held");
  await expect(row).toContainText("The sender has no account");
  await expectAccessible(page, { withoutFrames: true });
  await row.getByRole("link", { name: INCOMING.subject }).click();

  const headers = page.getByRole("region", { name: "Headers" });
  await expect(headers).toContainText(`From:"Stranger" <${INCOMING.from}>`);
  await expect(headers).toContainText(`Subject:${INCOMING.subject}`);
  await expect(headers).toContainText("Date:Mon, 30 Nov 2026 05:00:00 +0000");
  // The source is text: its markup shows as written.
  await expect(page.getByRole("region", { name: "Source" }).locator("pre")).toContainText("Who do I ask about <b>invoices</b>?");
  await expect(page.getByRole("textbox", { name: "Requester's email" })).toHaveValue(INCOMING.from);
  await expectAccessible(page, { withoutFrames: true });

  const download = page.getByRole("link", { name: "Download the message (.eml)" });
  const answer = await page.request.get((await download.getAttribute("href")) ?? "");
  expect(answer.status()).toBe(200);
  expect(answer.headers()["content-type"]).toBe("message/rfc822");
  expect(answer.headers()["content-disposition"]).toBe(`attachment; filename="${INCOMING.id}.eml"`);
  expect(await answer.text()).toBe(RAW);

  await page.getByRole("region", { name: "What became of it" }).getByText("Discard", { exact: true }).click();
  await page.getByRole("button", { name: `Discard the mail from ${INCOMING.from}` }).click();
  // The page shows the mail discarded, and the answer stays where the button was.
  await expect(page.getByRole("status").filter({ hasText: "The mail was discarded." })).toBeVisible();
  await expect(page.getByRole("region", { name: "What became of it" })).toContainText("Discarded");
  await expect(page.getByRole("button", { name: `Discard the mail from ${INCOMING.from}` })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("region", { name: "What became of it" })).toContainText("Discarded");
  await expect(page.getByRole("textbox", { name: "Requester's email" })).toHaveCount(0);
});

test("customers find no Mail page and no message download", async ({ page }) => {
  await signIn(page, "alice@acme.test");
  await expect(page).toHaveURL(/\/requests$/);
  for (const path of ["/agent/mail", `/agent/mail/outgoing/${OUTGOING.id}`, `/agent/mail/incoming/${INCOMING.id}`]) {
    expect((await page.goto(path))?.status(), path).toBe(404);
    await expect(page.getByText(OUTGOING.subject)).toHaveCount(0);
  }
  const raw = await page.request.get(`/agent/mail/incoming/${INCOMING.id}/raw`);
  expect(raw.status()).toBe(404);
  expect(await raw.text()).not.toContain("invoices");
});

test.describe("channel badges", () => {
  test("the agent sees how each message came, and opens the mail an emailed reply came as", async ({ page }) => {
    await signInAsAgent(page);
    await page.goto("/agent/requests/1002");
    const thread = page.getByRole("region", { name: "Responses" });
    await expect(thread.getByRole("article", { name: "Gina Marchetti opened this request" })).toContainText("by email");
    const emailed = thread.locator("article").filter({ has: page.getByRole("link", { name: "View original email" }) });
    await expect(emailed).toHaveCount(1);
    await expect(emailed).toContainText("by email");
    await expect(emailed.getByRole("link", { name: "View original email" })).toHaveAttribute("href", `/agent/mail/incoming/${ORIGINAL.id}`);
    // The agents' replies were written in the portal.
    await expect(thread.locator("article").filter({ hasText: "seats are billed on the highest" })).toContainText("in the portal");
  });

  test("a customer sees the channel of replies and chats, and no link to the console", async ({ page }) => {
    await signIn(page, "alice@acme.test", "/requests/1003");
    const thread = page.getByRole("region", { name: "Responses" });
    await expect(thread.getByRole("region", { name: /Chat transcript/ })).toContainText("in a chat");
    await expect(thread.locator("article").filter({ hasText: "Tile updated" })).toContainText("in the portal");
    await expect(thread.getByRole("link", { name: "View original email" })).toHaveCount(0);
  });
});
