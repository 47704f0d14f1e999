import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { AttachmentStore } from "./store";

// Files uploaded for a message that was never sent: their rows are deleted after a day, and their
// objects with them — unless another row still references the same content (keys are shared by
// identical files). Only the keys of the rows deleted here are considered: the store is never listed.

/** A staged file unclaimed for this long is forgotten: time enough to finish writing a message. */
export const STAGED_ATTACHMENT_RETENTION_MS = 24 * 60 * 60 * 1000;

export interface ForgottenAttachments {
  /** Staged rows deleted. */
  attachments: number;
  /** Objects deleted from the store: those no row references any more. */
  objects: number;
}

export async function forgetUnclaimedAttachments(db: Database, store: AttachmentStore, now: Date, batchSize = 1000): Promise<ForgottenAttachments> {
  // An infected file's row is the record of it (its bytes went at the verdict): kept.
  const expired = { attachedAt: null, scanStatus: { not: "infected" as const }, createdAt: { lt: new Date(now.getTime() - STAGED_ATTACHMENT_RETENTION_MS) } };
  const candidates = await db.attachment.findMany({ where: expired, select: { id: true, storageKey: true }, orderBy: { createdAt: "asc" }, take: batchSize });
  if (candidates.length === 0) return { attachments: 0, objects: 0 };
  // Still staged at the delete: a row a message claimed in between is kept.
  const { count } = await db.attachment.deleteMany({ where: { ...expired, id: { in: candidates.map(({ id }) => id) } } });

  // Asked after the delete, so a row claimed or uploaded meanwhile with the same content keeps its object.
  const keys = [...new Set(candidates.map(({ storageKey }) => storageKey))];
  const referenced = await db.attachment.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true }, distinct: ["storageKey"] });
  const kept = new Set(referenced.map(({ storageKey }) => storageKey));
  let objects = 0;
  for (const key of keys) {
    if (kept.has(key)) continue;
    const deleted = await db.$transaction(async (tx) => {
      // Under the key's lock, so an upload of the same content cannot record its row in between
      // (stageUpload takes it too, and puts the object again if it went meanwhile).
      await lockStorageKey(tx, key);
      if ((await tx.attachment.count({ where: { storageKey: key } })) > 0) return false;
      await store.delete(key);
      return true;
    });
    if (deleted) objects++;
  }
  return { attachments: count, objects };
}

/** Serializes, per storage key, recording a row for an object and deleting an object no row references; held to the transaction's end. */
export async function lockStorageKey(tx: Prisma.TransactionClient, storageKey: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${storageKey}, 0))`;
}
