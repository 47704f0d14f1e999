import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Database } from "@/server/db/client";
import type { AttachmentStore } from "./store";

// Moving attachments to another store while the app serves (`npm run attachments:move`): every object
// the database references is copied from the store in use to the target, checked by size and SHA-256
// (the key is the content's hash), and objects already in the target are skipped. The app keeps
// reading the old store until it is configured for the new one, and running the move again copies
// what was uploaded in between; the source is never changed.

export type MoveOutcome = "copied" | "present" | "replaced" | "gone" | "missing";

export interface MoveProgress {
  key: string;
  byteSize: number;
  outcome: MoveOutcome;
  /** Objects handled so far, and in all. */
  done: number;
  total: number;
}

export interface MoveSummary {
  /** Distinct objects the database referenced when the move started. */
  referenced: number;
  copied: number;
  bytesCopied: number;
  /** Already in the target with the right size. */
  present: number;
  /** In the target with the wrong size, copied again. */
  replaced: number;
  /** Deleted from the source, with their last row, while the move ran: nothing to copy. */
  gone: number;
  /** Referenced but not in the source: the move cannot copy them. */
  missing: string[];
}

export interface MoveOptions {
  /** Objects copied at the same time. */
  concurrency?: number;
  onProgress?: (progress: MoveProgress) => void;
}

interface Referenced {
  storageKey: string;
  byteSize: number;
  sha256: string;
}

export async function moveAttachments(db: Database, from: AttachmentStore, to: AttachmentStore, options: MoveOptions = {}): Promise<MoveSummary> {
  const { concurrency = 4, onProgress } = options;
  // Rows with one key hold the same content, so any of them gives its size and hash.
  const objects = await db.$queryRaw<Referenced[]>`
    SELECT "storageKey", MIN("byteSize") AS "byteSize", MIN("sha256") AS "sha256"
    FROM "Attachment" GROUP BY "storageKey" ORDER BY "storageKey"`;
  const summary: MoveSummary = { referenced: objects.length, copied: 0, bytesCopied: 0, present: 0, replaced: 0, gone: 0, missing: [] };
  const folder = join(tmpdir(), "portico-attachment-move");
  await mkdir(folder, { recursive: true });

  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let object = objects[next++]; object; object = objects[next++]) {
      const outcome = await moveOne(db, from, to, object, folder);
      if (outcome === "copied" || outcome === "replaced") summary.bytesCopied += object.byteSize;
      if (outcome === "missing") summary.missing.push(object.storageKey);
      else summary[outcome]++;
      onProgress?.({ key: object.storageKey, byteSize: object.byteSize, outcome, done: ++done, total: objects.length });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  summary.missing.sort();
  return summary;
}

async function moveOne(db: Database, from: AttachmentStore, to: AttachmentStore, object: Referenced, folder: string): Promise<MoveOutcome> {
  const key = object.storageKey;
  const inTarget = await sizeIn(to, key);
  if (inTarget === object.byteSize) return "present";
  // Puts never overwrite: an object of the wrong size (not one the app serves from) goes first.
  if (inTarget !== null) await to.delete(key);

  const source = await from.get(key);
  if (!source) {
    const stillReferenced = await db.attachment.count({ where: { storageKey: key } });
    return stillReferenced > 0 ? "missing" : "gone";
  }
  // Through a local file: a store puts a finished file, with its length known.
  const path = join(folder, randomBytes(12).toString("hex"));
  try {
    const hash = createHash("sha256");
    let byteSize = 0;
    await pipeline(
      source.body,
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          hash.update(chunk);
          byteSize += chunk.length;
          callback(null, chunk);
        },
      }),
      createWriteStream(path),
    );
    const sha256 = hash.digest("hex");
    if (byteSize !== object.byteSize || sha256 !== object.sha256) {
      throw new Error(`${key}: the source holds ${byteSize} bytes with SHA-256 ${sha256}, the database says ${object.byteSize} bytes with ${object.sha256}`);
    }
    await to.put(key, path, byteSize);
  } finally {
    await rm(path, { force: true });
  }
  const copied = await sizeIn(to, key);
  if (copied !== object.byteSize) throw new Error(`${key}: the target holds ${copied ?? "nothing"} after the copy, not ${object.byteSize} bytes`);
  return inTarget === null ? "copied" : "replaced";
}

/** The object's size in a store, or null when it holds nothing: one byte is read, not the object. */
async function sizeIn(store: AttachmentStore, key: string): Promise<number | null> {
  const first = await store.get(key, { start: 0, end: 0 });
  if (!first) return null;
  first.body.destroy();
  return first.byteSize;
}
