import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { canCreatePrivateCluster } from "../../bench/lib/cluster";
import { judgeFaults, makeUsers, runFaults, startFaultsApp, summarizeVerdict, type FaultsApp } from "../../bench/lib/faults";

// Faults under load, the short form of bench/faults.ts: PostgreSQL restarted under simulated users,
// then a customer replying in the browser while it is down. Both need a database that may be stopped,
// so they run on an app instance of their own — the browser tests' build (PORTICO_BUILD_DIR, built by
// the suite's server) started by `next start` on a private PostgreSQL cluster in a temporary directory
// (bench/lib/cluster.ts). The shared server and its database are never touched.

const BUILD_DIR = process.env.PORTICO_BUILD_DIR ?? ".next";
const CUSTOMER = "bob@acme.test";
const english = JSON.parse(readFileSync(new URL("../../src/i18n/messages/en.json", import.meta.url), "utf8")) as { request: { reply: { unavailable: string } } };

test.describe.configure({ mode: "serial" });

let app: FaultsApp | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // CI (.ci/run) has PostgreSQL installed; a machine running the tests on the embedded database may not.
  test.skip(!canCreatePrivateCluster(), "Needs PostgreSQL's binaries (/usr/lib/postgresql/<version>/bin) to start a cluster of its own.");
  app = await startFaultsApp({ buildDir: BUILD_DIR });
});

test.afterEach(async ({}, testInfo) => {
  // What the app said is the first thing to read when a fault test fails.
  if (testInfo.status !== testInfo.expectedStatus && app) await testInfo.attach("app output", { body: app.output(), contentType: "text/plain" });
});

test.afterAll(async () => {
  await app?.stop();
});

test("20 users for 30 s with PostgreSQL restarted at 10 s: confirmed replies stored once, the rest answered with errors, recovery within 5 s", async () => {
  test.setTimeout(120_000);
  const running = app!;
  const users = await makeUsers(running.cluster.url, 20);
  const run = await runFaults({ app: running, users, seconds: 30, restartAtSeconds: 10 });
  const verdict = await judgeFaults(run, running.cluster.url);
  expect(verdict.ok, `${summarizeVerdict(verdict)}\n\nThe app's last output:\n${running.output().slice(-3000)}`).toBe(true);
  // Not a throughput floor (the suite's load sets the pace on a small machine): the run must have done
  // its work on both sides of the restart, and every user must have been served.
  const restart = run.restart!;
  const confirmed = run.replies.filter((reply) => reply.confirmed).map((reply) => ({ user: reply.user, answer: reply.attempts.at(-1)! }));
  expect(confirmed.filter(({ answer }) => answer.end < restart.stopAt).length, "replies confirmed before the restart").toBeGreaterThan(0);
  expect(confirmed.filter(({ answer }) => answer.start > restart.upAt).length, "replies confirmed after the database was back").toBeGreaterThan(0);
  expect(new Set(confirmed.map((reply) => reply.user)).size, "users with a confirmed reply").toBe(users.length);
});

test("a reply sent while the database is down is refused with the text kept; sent again once it is back, it is posted once", async ({ page }) => {
  test.setTimeout(90_000);
  const running = app!;
  const db = new pg.Client({ connectionString: running.cluster.url });
  await db.connect();
  const { rows } = await db
    .query<{ id: number }>(`SELECT r.id FROM "Request" r JOIN "User" u ON u.id = r."requesterId" WHERE u.email = $1 AND r."mergedIntoId" IS NULL ORDER BY r.id LIMIT 1`, [CUSTOMER])
    .finally(() => db.end());
  const requestId = rows[0]!.id;
  // A token made while the database is up, to see from outside when the app answers again.
  const [probe] = await makeUsers(running.cluster.url, 1);

  await page.goto(`${running.base}/signin`);
  await page.getByLabel("Email").fill(CUSTOMER);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/requests$/);
  await page.goto(`${running.base}/requests/${requestId}`);
  const text = `Written while the database restarts ${randomUUID()}`;
  const box = page.getByRole("textbox", { name: "Your reply" });
  await box.fill(text);

  await running.cluster.stop();
  try {
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("alert").filter({ hasText: english.request.reply.unavailable })).toBeVisible();
    await expect(box).toHaveValue(text);
  } finally {
    await running.cluster.start();
  }
  const up = Date.now();
  await expect
    .poll(async () => (await fetch(`${running.base}/api/v1/requests?limit=1`, { headers: { authorization: `Bearer ${probe!.token}` } })).status, { timeout: 5_000, intervals: [100] })
    .toBe(200);
  expect(Date.now() - up).toBeLessThanOrEqual(5_000);

  await page.getByRole("button", { name: "Send reply" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Your reply was sent/ })).toBeVisible();
  await expect(box).toHaveValue("");
  await expect(page.getByText(text, { exact: true })).toHaveCount(1);
  const stored = new pg.Client({ connectionString: running.cluster.url });
  await stored.connect();
  const copies = await stored.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Comment" WHERE body = $1`, [text]).finally(() => stored.end());
  expect(copies.rows[0]!.n).toBe(1);
});
