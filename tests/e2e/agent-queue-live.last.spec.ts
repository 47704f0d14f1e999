import { expect, test, type Page } from "@playwright/test";
import { withE2eDatabase } from "../setup/e2e-database";
import { countRefreshes, followStream, signIn, trackEventStreams, waitForOpenStream } from "./fixtures";

// docs/realtime.md: a chat line moves only its request's last activity, so the queue refreshes on it only when
// that request is one of its rows, or when the queue is ordered by activity. The lines are written to the event
// log as the chat writes them (a `chat` event of kind "message"), without a chat around them: what is tested is
// which events the queue refreshes on. Named *.last.spec.ts: it counts the queue's refreshes, and the specs before
// it change requests, each change a refresh of every open queue.

const CHAT_LINE = { kind: "message", chatId: "queue-live-spec", message: { id: "line", body: "Hello?", side: "customer", authorName: "Dave", sentAt: "", clientId: null } };

async function writeChatLine(requestId: number) {
  await withE2eDatabase((db) => db.query(`INSERT INTO "RequestStreamEvent" ("requestId", type, internal, data) VALUES ($1, 'chat', false, $2)`, [requestId, CHAT_LINE]));
}

/** Once the page's own stream is open (it starts at the log's end), a second follower tells when a line has reached it. */
async function followLines(page: Page) {
  await waitForOpenStream(page);
  return followStream(page, "/api/agent/events", "chat");
}

test("the queue refreshes on a chat line where that request's activity shows, and not for a line elsewhere", async ({ browser }) => {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.71" } });
  await trackEventStreams(context);
  const page = await context.newPage();
  await signIn(page, "agent@portico.test", "/agent");
  const shown = Number(await page.getByRole("checkbox", { name: /^Select #\d+$/ }).first().getAttribute("value"));
  // The default queue holds the unsolved requests: a solved one is on none of its pages.
  const elsewhere = await withE2eDatabase(async (db) => (await db.query<{ id: number }>(`SELECT id FROM "Request" WHERE status = 'solved' ORDER BY id LIMIT 1`)).rows[0]!.id);
  const lineReached = await followLines(page);
  const refreshes = countRefreshes(page, "/agent");

  await writeChatLine(elsewhere);
  await lineReached(elsewhere);
  // Well past the moment a refresh would have started (150 ms after the event).
  await page.waitForTimeout(1_500);
  expect(refreshes).toEqual([]);

  await writeChatLine(shown);
  await lineReached(shown);
  await expect.poll(() => refreshes.length).toBe(1);

  // Ordered by activity, any request's line may move it onto the page.
  await page.goto("/agent?sort=activity");
  const lineReachedThere = await followLines(page);
  const refreshesThere = countRefreshes(page, "/agent");
  await writeChatLine(elsewhere);
  await lineReachedThere(elsewhere);
  await expect.poll(() => refreshesThere.length).toBe(1);
  await context.close();
});
