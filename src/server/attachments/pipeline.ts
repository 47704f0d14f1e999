import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { lockStorageKey } from "./cleanup";
import { SNIFF_BYTES, sniffContentType } from "./sniff";
import type { AttachmentStore } from "./store";

// An upload, from the bytes arriving to a staged attachment: streamed to a temporary file while it is
// hashed, measured and its first bytes kept for sniffing — refused the moment it passes the size
// limit, so a large body is never held in memory nor read to its end — then stored under a key made
// from its hash (identical files share one object) and recorded, staged, for its uploader.

export interface UploadLimits {
  maxFileBytes: number;
  maxMessageBytes: number;
  maxFiles: number;
}

export type UploadRefusal = "empty" | "too_large" | "too_many" | "message_too_large";

export class UploadRefused extends Error {
  override name = "UploadRefused";
  constructor(
    readonly code: UploadRefusal,
    readonly fileName: string,
  ) {
    super(`${fileName}: ${code}`);
  }
}

export interface StagedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  byteSize: number;
  scanStatus: "pending" | "clean" | "infected";
}

const MAX_FILE_NAME_LENGTH = 255;

/** Room for putting a large file again inside the transaction that records it (rare: see stageUpload). */
const PUT_AGAIN_TIMEOUT_MS = 10 * 60_000;

/** The name a file is shown and offered under: its last path part, no control characters, bounded. */
export function cleanFileName(raw: string): string {
  const name = (raw.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim();
  return (name || "file").slice(0, MAX_FILE_NAME_LENGTH);
}

/** The store's key for content with this SHA-256: opaque, spread over folders. */
export function keyFor(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

interface Received {
  path: string;
  sha256: string;
  byteSize: number;
  head: Uint8Array;
}

/** Streams one file to a temporary path, refusing it as soon as it is larger than `maxBytes`. */
async function receive(body: Readable, fileName: string, maxBytes: number): Promise<Received> {
  const folder = join(tmpdir(), "portico-uploads");
  await mkdir(folder, { recursive: true });
  const path = join(folder, randomBytes(12).toString("hex"));
  const hash = createHash("sha256");
  let byteSize = 0;
  let head = new Uint8Array(0);
  try {
    await pipeline(
      body,
      async function* measure(chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          byteSize += chunk.length;
          if (byteSize > maxBytes) throw new UploadRefused("too_large", fileName);
          if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path),
    );
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  if (byteSize === 0) {
    await rm(path, { force: true });
    throw new UploadRefused("empty", fileName);
  }
  return { path, sha256: hash.digest("hex"), byteSize, head };
}

export interface StageInput {
  body: Readable;
  fileName: string;
  declaredType: string | null;
  uploaderId: string;
  now: Date;
  maxBytes: number;
  /** With a scanner the file waits for its verdict; without, it is available at once. */
  scanned: boolean;
}

export async function stageUpload(db: Database, store: AttachmentStore, input: StageInput): Promise<StagedAttachment> {
  const fileName = cleanFileName(input.fileName);
  const received = await receive(input.body, fileName, input.maxBytes);
  try {
    const storageKey = keyFor(received.sha256);
    await store.put(storageKey, received.path, received.byteSize);
    const data: Prisma.AttachmentUncheckedCreateInput = {
      uploaderId: input.uploaderId,
      fileName,
      contentType: sniffContentType(received.head),
      declaredType: input.declaredType?.slice(0, 255) ?? null,
      byteSize: received.byteSize,
      sha256: received.sha256,
      storageKey,
      scanStatus: input.scanned ? "pending" : "clean",
      createdAt: input.now,
    };
    // An identical file's object may have been deleted since the put, by the cleanup of unclaimed
    // files (cleanup.ts): the row is recorded under the key's lock, and the object put again if so.
    return await db.$transaction(
      async (tx) => {
        await lockStorageKey(tx, storageKey);
        const attachment = await tx.attachment.create({ data, select: { id: true, fileName: true, contentType: true, byteSize: true, scanStatus: true } });
        if (!(await store.has(storageKey))) await store.put(storageKey, received.path, received.byteSize);
        return attachment;
      },
      { timeout: PUT_AGAIN_TIMEOUT_MS },
    );
  } finally {
    await rm(received.path, { force: true });
  }
}

export type ClaimRefusal = "attachments_not_found" | "too_many" | "message_too_large";

/**
 * Makes the uploader's staged files part of a message, in the message's transaction: all of them or
 * none. Files that are not theirs, not staged any more, or infected are "not found".
 */
export async function claimAttachments(
  tx: Prisma.TransactionClient,
  claim: { uploaderId: string; attachmentIds: readonly string[]; requestId: number; commentId: string | null; now: Date; limits: UploadLimits },
): Promise<{ ok: true; count: number } | { ok: false; code: ClaimRefusal }> {
  const ids = [...new Set(claim.attachmentIds)];
  if (ids.length === 0) return { ok: true, count: 0 };
  if (ids.length > claim.limits.maxFiles) return { ok: false, code: "too_many" };
  const files = await tx.attachment.findMany({
    where: { id: { in: ids }, uploaderId: claim.uploaderId, attachedAt: null, scanStatus: { not: "infected" } },
    select: { id: true, byteSize: true },
  });
  if (files.length !== ids.length) return { ok: false, code: "attachments_not_found" };
  if (files.reduce((sum, file) => sum + file.byteSize, 0) > claim.limits.maxMessageBytes) return { ok: false, code: "message_too_large" };
  const { count } = await tx.attachment.updateMany({
    where: { id: { in: ids }, uploaderId: claim.uploaderId, attachedAt: null },
    data: { requestId: claim.requestId, commentId: claim.commentId, attachedAt: claim.now },
  });
  // Another submission claimed one in between: this one must not go through half attached.
  if (count !== ids.length) return { ok: false, code: "attachments_not_found" };
  return { ok: true, count };
}
