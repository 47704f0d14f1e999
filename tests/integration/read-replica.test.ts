import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, createReplicaReader, type Database, type ReplicaReader } from "@/server/db/client";
import { getRequestPage } from "@/server/requests/get-request-page";
import { createRequest } from "@/server/requests/create-request";
import { listRequests } from "@/server/requests/list-requests";
import { listQueue } from "@/server/requests/list-queue";
import { canCreatePrivateCluster, createPrivateCluster, queryCluster, replayCaughtUp, setReplayPaused, type PrivateCluster } from "../../bench/lib/cluster";
import { applyMigrations } from "../../scripts/lib/schema-engine";
import { seedDatabase } from "../../scripts/lib/seed";
import { viewerFor } from "../setup/viewers";

// A read replica (docs/deploy.md "PostgreSQL and the read replica"): a primary and a streaming standby
// of it, both private clusters of this test's own, the standby's replay paused to stand for its lag.
// The lists and searches read through the replica reader and see a change once the standby has it;
// everything else — here the request's page — reads the primary and sees it at once.

const NOW = new Date();
let primary: PrivateCluster | undefined;
let standby: PrivateCluster | undefined;
let db: Database;
let replicas: ReplicaReader;

// CI (.ci/run) has PostgreSQL installed; a machine running the tests on the embedded database may not.
describe.skipIf(!canCreatePrivateCluster())("a read replica", () => {
  beforeAll(async () => {
    primary = await createPrivateCluster();
    await applyMigrations(primary.url);
    await seedDatabase(primary.url, 5, NOW);
    // A read in the way of replay is cancelled at once rather than after 30 s, as a busy replica may.
    standby = await createPrivateCluster({ standbyOf: primary, settings: { max_standby_streaming_delay: "0" } });
    db = createDatabase({ url: primary.url, poolMax: 5 });
    replicas = createReplicaReader(db, [{ url: standby.url, poolMax: 5 }]);
    await replayCaughtUp(primary!, standby!);
  }, 120_000);

  afterAll(async () => {
    await replicas?.close();
    await db?.$disconnect();
    await standby?.remove();
    await primary?.remove();
  });

  it("lists and searches read the replica: a new request shows there once the replica has it, on the primary at once, and from the primary while the replica is down", async () => {
    const alice = await viewerFor(db, "alice@acme.test", NOW);
    const word = `replica${randomUUID().slice(0, 8)}`;
    const listed = async (database: Database) => {
      const result = await listRequests(database, alice, { q: word });
      if (!result.ok) throw new Error("no list");
      return result.page.items.map((item) => item.id);
    };

    await setReplayPaused(standby!, true);
    try {
      const created = await createRequest(db, alice, { subject: `Exports fail (${word})`, description: "Since this morning.", priority: "S3", ccUserIds: [], submissionKey: randomUUID() });
      if (!created.ok) throw new Error("not created");
      expect(await replicas.read(listed)).toEqual([]);
      expect(await listed(db)).toEqual([created.id]);
      // The request's own page reads the primary: its requester sees it at once.
      expect((await getRequestPage(db, alice, { requestId: String(created.id) })).ok).toBe(true);

      await setReplayPaused(standby!, false);
      await replayCaughtUp(primary!, standby!);
      expect(await replicas.read(listed)).toEqual([created.id]);
    } finally {
      await setReplayPaused(standby!, false);
    }

    // A replica that is down: its reads are read again from the primary, and the list is still served.
    await standby!.stop();
    try {
      expect(await replicas.read(listed)).toEqual(await listed(db));
    } finally {
      await standby!.start();
    }
    await replayCaughtUp(primary!, standby!);
  });

  it("the agent queue reads the replica too, and the replica refuses writes", async () => {
    const agent = await viewerFor(db, "sam@portico.test", NOW);
    await replayCaughtUp(primary!, standby!);
    const [fromReplica, fromPrimary] = await Promise.all([replicas.read((replica) => listQueue(replica, agent, {})), listQueue(db, agent, {})]);
    if (!fromReplica.ok || !fromPrimary.ok) throw new Error("no queue");
    expect(fromReplica.queue.items.map((item) => item.id)).toEqual(fromPrimary.queue.items.map((item) => item.id));
    expect(fromReplica.queue.items.length).toBeGreaterThan(0);
    await expect(replicas.read((replica) => replica.$executeRaw`UPDATE "Request" SET subject = subject WHERE id = 1`)).rejects.toThrow(/read-only transaction/);
  });

  it("a read the replica cancels to go on replaying is read again from the primary", async () => {
    await queryCluster(primary!, `CREATE TABLE replay_conflict (n int); INSERT INTO replay_conflict VALUES (1)`);
    await replayCaughtUp(primary!, standby!);
    const where = (database: Database) =>
      database.$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby FROM replay_conflict, pg_sleep(1.5)`.then(([row]) => (row!.standby ? "replica" : "primary"));
    const reading = replicas.read(where);
    await new Promise((resolve) => setTimeout(resolve, 500));
    // What a vacuum shortening a table does: an exclusive lock, which the replica must take while replaying.
    await queryCluster(primary!, `BEGIN; LOCK TABLE replay_conflict IN ACCESS EXCLUSIVE MODE; COMMIT`);
    expect(await reading).toBe("primary");
    // Left alone, the replica answers it.
    await replayCaughtUp(primary!, standby!);
    expect(await replicas.read(where)).toBe("replica");
  });
});
