import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { canCreatePrivateCluster, queryCluster, replayCaughtUp, setReplayPaused } from "../../bench/lib/cluster";
import { startFaultsApp, type FaultsApp } from "../../bench/lib/faults";

// A read replica in the browser (docs/deploy.md "PostgreSQL and the read replica"): the suite's build on a
// private PostgreSQL cluster with a streaming standby as its DATABASE_REPLICA_URL (bench/lib/faults.ts),
// the standby's replay paused to stand for its lag. My Requests reads the replica — except for a few
// seconds after the person's own change, so the list they go back to shows it.

const BUILD_DIR = process.env.PORTICO_BUILD_DIR ?? ".next";
const CUSTOMER = "bob@acme.test";

test.describe.configure({ mode: "serial" });

let app: FaultsApp | undefined;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // CI (.ci/run) has PostgreSQL installed; a machine running the tests on the embedded database may not.
  test.skip(!canCreatePrivateCluster(), "Needs PostgreSQL's binaries (/usr/lib/postgresql/<version>/bin) to start clusters of its own.");
  app = await startFaultsApp({ buildDir: BUILD_DIR, replica: true });
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus && app) await testInfo.attach("app output", { body: app.output(), contentType: "text/plain" });
});

test.afterAll(async () => {
  await app?.stop();
});

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${app!.base}/signin`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/(requests|agent)$/);
}

/** The request ids of My Requests' first page, in order. */
async function listedIds(page: Page): Promise<string[]> {
  await page.goto(`${app!.base}/requests`);
  return (await page.getByRole("table").locator("tbody tr td:nth-child(2)").allTextContents()).map((text) => text.trim());
}

/** The customer's request with the oldest activity: a reply moves it to the top of their list. */
async function oldestRequestOf(email: string): Promise<number> {
  const [oldest] = await queryCluster<{ id: number }>(
    app!.cluster,
    `SELECT r.id FROM "Request" r JOIN "User" u ON u.id = r."requesterId" WHERE u.email = $1 AND r."mergedIntoId" IS NULL ORDER BY r."lastActivityAt", r.id LIMIT 1`,
    [email],
  );
  return oldest!.id;
}

test("My Requests reads the replica, and the primary for a few seconds after the person's own reply", async ({ page, context }) => {
  test.setTimeout(90_000);
  const { cluster, replica } = app!;
  const oldest = await oldestRequestOf(CUSTOMER);
  const requestId = `#${oldest}`;
  await replayCaughtUp(cluster, replica!);
  await signIn(page, CUSTOMER);
  expect((await listedIds(page))[0]).not.toBe(requestId);

  await setReplayPaused(replica!, true);
  try {
    await page.goto(`${app!.base}/requests/${oldest}`);
    await page.getByRole("textbox", { name: "Your reply" }).fill(`Still failing after the update ${randomUUID()}`);
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByRole("status").filter({ hasText: /^Your reply was sent/ })).toBeVisible();

    // Their own change: the list reads the primary and shows it.
    expect((await listedIds(page))[0]).toBe(requestId);
    // Without the few seconds' note the list reads the replica, which has not replayed the reply yet.
    await context.clearCookies({ name: "portico-wrote" });
    expect((await listedIds(page))[0]).not.toBe(requestId);
  } finally {
    await setReplayPaused(replica!, false);
  }
  // Once the replica has it, everyone's lists show it.
  await expect.poll(async () => (await listedIds(page))[0], { timeout: 10_000 }).toBe(requestId);
});

test("the queue an agent's bulk change answers with shows the change while the replica lags", async ({ page }) => {
  test.setTimeout(60_000);
  const { cluster, replica } = app!;
  const [unassigned] = await queryCluster<{ id: number }>(cluster, `SELECT id FROM "Request" WHERE "assigneeId" IS NULL AND status = 'open' AND "mergedIntoId" IS NULL ORDER BY id LIMIT 1`);
  await replayCaughtUp(cluster, replica!);
  await signIn(page, "agent@portico.test");
  await page.goto(`${app!.base}/agent?q=${unassigned!.id}`);
  const row = page.getByRole("table").locator("tbody tr").filter({ hasText: `#${unassigned!.id}` });
  await expect(row.locator("td:nth-child(8)")).toHaveText("Unassigned");

  await setReplayPaused(replica!, true);
  try {
    // The queue re-rendered in the action's own answer reads the primary: the change is in it.
    await row.getByRole("checkbox").check();
    const bulk = page.getByRole("form", { name: "Change the selected requests" });
    await bulk.getByLabel("Assign to…").selectOption({ label: "Me" });
    await bulk.getByRole("button", { name: "Assign" }).click();
    await expect(page.getByRole("status")).toHaveText("1 request updated");
    await expect(row.locator("td:nth-child(8)")).toHaveText("Morgan Ellis");
  } finally {
    await setReplayPaused(replica!, false);
  }
});

test("a reply sent through the API from the person's own browser also sends their lists to the primary", async ({ page, context }) => {
  test.setTimeout(60_000);
  const { cluster, replica } = app!;
  const customer = "alice@acme.test";
  const oldest = await oldestRequestOf(customer);
  await replayCaughtUp(cluster, replica!);
  await signIn(page, customer);
  expect((await listedIds(page))[0]).not.toBe(`#${oldest}`);

  await setReplayPaused(replica!, true);
  try {
    // The browser's session, as the portal's own scripts call the API: same origin, no token.
    const sent = await page.request.post(`${app!.base}/api/v1/requests/${oldest}/messages`, {
      data: { body: `Sent from a script in the page ${randomUUID()}` },
      headers: { origin: app!.base },
    });
    expect(sent.status()).toBe(201);
    expect((await context.cookies()).map((cookie) => cookie.name)).toContain("portico-wrote");
    expect((await listedIds(page))[0]).toBe(`#${oldest}`);
  } finally {
    await setReplayPaused(replica!, false);
  }
});
