import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetUnclaimedAttachments, lockStorageKey } from "@/server/attachments/cleanup";
import { filesystemStore } from "@/server/attachments/filesystem";
import { keyFor, stageUpload } from "@/server/attachments/pipeline";
import type { AttachmentStore } from "@/server/attachments/store";
import { prepareSeededDatabase } from "../setup/seeded-database";

// Staged files nobody sent are forgotten after a day, with their objects unless other rows share them.

const seeded = prepareSeededDatabase();
const HOUR = 60 * 60 * 1000;
let scratch: string;
let store: AttachmentStore;
let uploaderId: string;
let requestId: number;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "portico-cleanup-test-"));
  store = filesystemStore(join(scratch, "store"));
  uploaderId = (await seeded.db.user.findUniqueOrThrow({ where: { email: "alice@acme.test" }, select: { id: true } })).id;
  requestId = (await seeded.db.request.findFirstOrThrow({ where: { requesterId: uploaderId }, select: { id: true } })).id;
  // The demo data's own files live in another store: these tests count only their own.
  await seeded.db.attachment.deleteMany({});
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const now = new Date("2026-11-30T12:00:00Z");

async function upload(bytes: Buffer, hoursAgo: number, attached = false) {
  const at = new Date(now.getTime() - hoursAgo * HOUR);
  const staged = await stageUpload(seeded.db, store, { body: Readable.from([bytes]), fileName: "file.bin", declaredType: null, uploaderId, now: at, maxBytes: 1024 * 1024, scanned: false });
  if (attached) await seeded.db.attachment.update({ where: { id: staged.id }, data: { requestId, attachedAt: at } });
  const { storageKey } = await seeded.db.attachment.findUniqueOrThrow({ where: { id: staged.id }, select: { storageKey: true } });
  return { id: staged.id, key: storageKey };
}

const exists = async (id: string) => (await seeded.db.attachment.count({ where: { id } })) === 1;

describe("forgetting unclaimed attachments", () => {
  it("deletes staged rows over a day old and the objects no row references any more", async () => {
    const expired = await upload(randomBytes(100), 25);
    const recent = await upload(randomBytes(100), 23);
    const sent = await upload(randomBytes(100), 30, true);
    // The same content sent in one message and abandoned in another: one object, still needed.
    const shared = randomBytes(100);
    const sharedSent = await upload(shared, 40, true);
    const sharedAbandoned = await upload(shared, 26);
    // Abandoned twice: two rows, one object.
    const twice = randomBytes(100);
    const twiceFirst = await upload(twice, 48);
    const twiceSecond = await upload(twice, 47);
    // An object no row knows about: not this function's business, the store is not listed.
    const stray = join(scratch, "stray");
    await writeFile(stray, "stray");
    const strayKey = keyFor("f".repeat(64));
    await store.put(strayKey, stray, 5);

    expect(await forgetUnclaimedAttachments(seeded.db, store, now)).toEqual({ attachments: 4, objects: 2 });

    for (const gone of [expired, sharedAbandoned, twiceFirst, twiceSecond]) expect(await exists(gone.id)).toBe(false);
    for (const kept of [recent, sent, sharedSent]) expect(await exists(kept.id)).toBe(true);
    expect(await store.has(expired.key)).toBe(false);
    expect(await store.has(twiceFirst.key)).toBe(false);
    for (const key of [recent.key, sent.key, sharedSent.key, strayKey]) expect(await store.has(key)).toBe(true);

    expect(await forgetUnclaimedAttachments(seeded.db, store, now)).toEqual({ attachments: 0, objects: 0 });
  });

  it("keeps an infected file's row, the record of it", async () => {
    const infected = await upload(randomBytes(50), 48);
    await seeded.db.attachment.update({ where: { id: infected.id }, data: { scanStatus: "infected", scanResult: "Eicar-Test-Signature" } });
    await forgetUnclaimedAttachments(seeded.db, store, now);
    expect(await exists(infected.id)).toBe(true);
  });

  it("works through a backlog a batch at a time", async () => {
    const old = [await upload(randomBytes(50), 30), await upload(randomBytes(50), 31), await upload(randomBytes(50), 32)];
    expect(await forgetUnclaimedAttachments(seeded.db, store, now, 2)).toEqual({ attachments: 2, objects: 2 });
    expect(await forgetUnclaimedAttachments(seeded.db, store, now, 2)).toEqual({ attachments: 1, objects: 1 });
    for (const { id, key } of old) {
      expect(await exists(id)).toBe(false);
      expect(await store.has(key)).toBe(false);
    }
  });

  it("keeps the object of an identical file uploaded while the cleanup deletes it", async () => {
    const bytes = randomBytes(300);
    const abandoned = await upload(bytes, 30);
    await seeded.db.attachment.delete({ where: { id: abandoned.id } });
    // The cleanup's side, by hand: under the key's lock, no row references the object, so it goes.
    let racing: ReturnType<typeof upload> | undefined;
    await seeded.db.$transaction(
      async (tx) => {
        await lockStorageKey(tx, abandoned.key);
        expect(await tx.attachment.count({ where: { storageKey: abandoned.key } })).toBe(0);
        // The same content arrives now: its put finds the object there, its row waits for the lock.
        racing = upload(bytes, 0);
        await waitForLockWaiter(tx);
        await store.delete(abandoned.key);
      },
      { timeout: 30_000 },
    );
    const recorded = await racing!;
    expect(recorded.key).toBe(abandoned.key);
    expect(await store.has(recorded.key)).toBe(true);
    const stored = await store.get(recorded.key);
    const chunks: Buffer[] = [];
    for await (const chunk of stored!.body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });
});

/** Until another session waits for an advisory lock, for at most a second: on a one-connection database the upload waits for the connection instead (and gives up after 2 s). */
async function waitForLockWaiter(tx: { $queryRaw: typeof seeded.db.$queryRaw }) {
  for (let tries = 0; tries < 20; tries++) {
    const [waiting] = await tx.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`;
    if ((waiting?.count ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
