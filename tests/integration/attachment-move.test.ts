import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filesystemStore } from "@/server/attachments/filesystem";
import { moveAttachments, type MoveOutcome } from "@/server/attachments/move";
import { keyFor, stageUpload } from "@/server/attachments/pipeline";
import { s3Store } from "@/server/attachments/s3";
import type { AttachmentStore } from "@/server/attachments/store";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { startS3Server, type S3TestServer } from "../setup/s3-server";

// The move command's copying, between the two real drivers on a real database: filesystem → S3 and
// back, run twice (the second run copies only what is new), with what it must not copy.

const seeded = prepareSeededDatabase();
let scratch: string;
let s3: S3TestServer;
let uploaderId: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "portico-move-test-"));
  s3 = await startS3Server();
  uploaderId = (await seeded.db.user.findUniqueOrThrow({ where: { email: "alice@acme.test" }, select: { id: true } })).id;
});

afterAll(async () => {
  await s3?.stop();
  await rm(scratch, { recursive: true, force: true });
});

async function upload(store: AttachmentStore, bytes: Buffer, fileName: string) {
  return stageUpload(seeded.db, store, { body: Readable.from([bytes]), fileName, declaredType: null, uploaderId, now: seeded.now, maxBytes: 50 * 1024 * 1024, scanned: false });
}

async function contentOf(store: AttachmentStore, key: string): Promise<Buffer | null> {
  const stored = await store.get(key);
  if (!stored) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stored.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const keyOf = (bytes: Buffer) => keyFor(createHash("sha256").update(bytes).digest("hex"));

describe("moving attachments between stores", () => {
  it("copies every referenced object to S3 and back, and a second run copies only what is new", async () => {
    // The demo data's own files live in another store: this test counts only its own.
    await seeded.db.attachment.deleteMany({});
    const disk = filesystemStore(join(scratch, "before"));
    const bucket = s3Store(s3.settings, { listPageSize: 2 });
    const files = [randomBytes(3 * 1024 * 1024), Buffer.from("a small note"), randomBytes(70_000)];
    for (const [index, bytes] of files.entries()) await upload(disk, bytes, `file-${index}.bin`);
    // The same content twice is one object.
    await upload(disk, files[1]!, "again.txt");

    const progress: MoveOutcome[] = [];
    const first = await moveAttachments(seeded.db, disk, bucket, { onProgress: ({ outcome }) => progress.push(outcome) });
    expect(first).toMatchObject({ referenced: 3, copied: 3, present: 0, replaced: 0, gone: 0, missing: [] });
    expect(first.bytesCopied).toBe(files.reduce((sum, bytes) => sum + bytes.length, 0));
    expect(progress).toEqual(["copied", "copied", "copied"]);
    for (const bytes of files) expect((await contentOf(bucket, keyOf(bytes)))?.equals(bytes)).toBe(true);

    // Uploaded while the app still served from the filesystem: the next run copies it alone.
    const late = randomBytes(10_000);
    await upload(disk, late, "late.bin");
    const second = await moveAttachments(seeded.db, disk, bucket);
    expect(second).toMatchObject({ referenced: 4, copied: 1, present: 3, missing: [] });
    expect((await contentOf(bucket, keyOf(late)))?.equals(late)).toBe(true);
    const third = await moveAttachments(seeded.db, disk, bucket);
    expect(third).toMatchObject({ referenced: 4, copied: 0, present: 4, bytesCopied: 0 });

    // And back, into an empty folder.
    const after = filesystemStore(join(scratch, "after"));
    const back = await moveAttachments(seeded.db, bucket, after, { concurrency: 1 });
    expect(back).toMatchObject({ referenced: 4, copied: 4, present: 0, missing: [] });
    for (const bytes of [...files, late]) expect((await contentOf(after, keyOf(bytes)))?.equals(bytes)).toBe(true);
  });

  it("replaces an object of the wrong size in the target, names one missing from the source, and refuses content that does not match its hash", async () => {
    const source = filesystemStore(join(scratch, "source"));
    const target = filesystemStore(join(scratch, "target"));
    await seeded.db.attachment.deleteMany({});
    const good = randomBytes(5_000);
    const staged = await upload(source, good, "good.bin");
    const truncated = join(scratch, "truncated");
    await writeFile(truncated, good.subarray(0, 100));
    await target.put(keyOf(good), truncated, 100);

    const lost = randomBytes(2_000);
    await upload(source, lost, "lost.bin");
    await source.delete(keyOf(lost));

    const summary = await moveAttachments(seeded.db, source, target);
    expect(summary).toMatchObject({ referenced: 2, copied: 0, replaced: 1, missing: [keyOf(lost)] });
    expect((await contentOf(target, keyOf(good)))?.equals(good)).toBe(true);

    // A row that claims other bytes than its object holds: nothing is written for it.
    const other = randomBytes(5_000);
    const otherTarget = filesystemStore(join(scratch, "other-target"));
    await seeded.db.attachment.update({ where: { id: staged.id }, data: { sha256: createHash("sha256").update(other).digest("hex") } });
    await expect(moveAttachments(seeded.db, source, otherTarget)).rejects.toThrow(/the database says 5000 bytes/);
    expect(await otherTarget.has(keyOf(good))).toBe(false);
  });

  it("counts an object deleted with its last row during the move as gone, not missing", async () => {
    const source = filesystemStore(join(scratch, "gone-source"));
    await seeded.db.attachment.deleteMany({});
    const bytes = randomBytes(1_000);
    const staged = await upload(source, bytes, "short-lived.bin");
    // Deleted after the move read the rows, before it copies: as the automation's cleanup may.
    const target: AttachmentStore = filesystemStore(join(scratch, "gone-target"));
    let deleted = false;
    const racingTarget: AttachmentStore = {
      ...target,
      get: async (key, range) => {
        if (!deleted) {
          deleted = true;
          await seeded.db.attachment.delete({ where: { id: staged.id } });
          await source.delete(key);
        }
        return target.get(key, range);
      },
    };
    const summary = await moveAttachments(seeded.db, source, racingTarget);
    expect(summary).toMatchObject({ referenced: 1, copied: 0, gone: 1, missing: [] });
  });
});
