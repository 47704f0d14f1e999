import type { Database } from "@/server/db/client";
import type { Scanner, ScanVerdict } from "./scanner";
import type { AttachmentStore } from "./store";

// Scanning staged files (README "Malware scanning"): a pending file gets its verdict here, once on
// upload and, when the scanner could not give one, again from the automation's passes. A scanner
// failure never loses the file nor its message: the row stays pending (listed, not downloadable) and
// is tried again later. The row is the record of a verdict: status, signature, time, attempts.

export type ScanOutcome = "clean" | "infected" | "pending" | "not_found";

/** The longest scanner error kept in `scanResult`. */
const MAX_RESULT_LENGTH = 500;

/**
 * Retry backoff, in minutes, after `attempts` failed attempts: 1, 2, 4, … up to an hour. A row is due
 * again when its last attempt (`scannedAt`, or `createdAt` before any) is at least this old; the
 * first minute after staging is left to the upload's own scan.
 */
export function retryAfterMinutes(attempts: number): number {
  return Math.min(2 ** Math.min(attempts, 6), 60);
}

export async function scanAttachment(db: Database, store: AttachmentStore, scanner: Scanner, attachmentId: string, now: Date): Promise<ScanOutcome> {
  const row = await db.attachment.findUnique({ where: { id: attachmentId }, select: { storageKey: true, scanStatus: true, fileName: true } });
  if (!row) return "not_found";
  if (row.scanStatus !== "pending") return row.scanStatus;

  let verdict: ScanVerdict;
  try {
    const object = await store.get(row.storageKey);
    if (object) {
      verdict = await scanner.scan(object.body);
    } else {
      // Identical bytes share one object, deleted when found infected: the same verdict holds for this row.
      const twin = await db.attachment.findFirst({ where: { storageKey: row.storageKey, scanStatus: "infected" }, select: { scanResult: true } });
      if (!twin) throw new Error("The file's bytes are missing from the attachment store.");
      verdict = { clean: false, signature: twin.scanResult ?? "infected" };
    }
  } catch (error) {
    // Fail closed: still pending, the attempt and its reason recorded; `scannedAt` is the last attempt.
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, MAX_RESULT_LENGTH);
    await db.attachment.updateMany({
      where: { id: attachmentId, scanStatus: "pending" },
      data: { scanAttempts: { increment: 1 }, scanResult: reason, scannedAt: now },
    });
    return "pending";
  }

  if (verdict.clean) {
    await db.attachment.updateMany({
      where: { id: attachmentId, scanStatus: "pending" },
      data: { scanStatus: "clean", scanResult: null, scannedAt: now, scanAttempts: { increment: 1 } },
    });
    return "clean";
  }

  // The same bytes under the same key get the same verdict, so no pending twin waits on a deleted object.
  await db.attachment.updateMany({
    where: { storageKey: row.storageKey, scanStatus: "pending" },
    data: { scanStatus: "infected", scanResult: verdict.signature, scannedAt: now, scanAttempts: { increment: 1 } },
  });
  // Served to no one any more; kept only while a row still vouches for it as clean (no longer expected
  // for the same bytes, but a verdict given earlier by another scanner stands).
  const vouched = await db.attachment.count({ where: { storageKey: row.storageKey, scanStatus: "clean" } });
  let bytes = vouched === 0 ? "deleted" : "kept for a clean twin";
  if (vouched === 0) {
    // The verdict is recorded and nothing serves an infected file: a store failing now only leaves bytes
    // that no one is offered; it is logged rather than undoing the verdict.
    await store.delete(row.storageKey).catch((error: unknown) => {
      bytes = `not deleted (${error instanceof Error ? error.message : String(error)})`;
    });
  }
  console.warn(`Attachment ${attachmentId} ("${row.fileName}") is infected (${verdict.signature}): refused, its bytes ${bytes}.`);
  return "infected";
}

/**
 * Scans up to `batchSize` pending files whose retry is due, oldest first; returns how many got a
 * verdict. Each is claimed by stamping its attempt time in one statement with `FOR UPDATE SKIP
 * LOCKED`, so passes on several instances share the work and the scan itself holds no lock or
 * transaction open. The first scanner failure ends the pass's scanning: the scanner is most likely
 * down, and the next pass tries again.
 */
export async function scanPendingAttachments(db: Database, store: AttachmentStore, scanner: Scanner, now: Date, batchSize: number): Promise<number> {
  let verdicts = 0;
  for (let handled = 0; handled < batchSize; handled++) {
    const [claimed] = await db.$queryRaw<{ id: string }[]>`
      UPDATE "Attachment" SET "scannedAt" = ${now.toISOString()}::timestamp
      WHERE id = (
        SELECT a.id FROM "Attachment" a
        WHERE a."scanStatus" = 'pending'
          AND coalesce(a."scannedAt", a."createdAt")
            <= ${now.toISOString()}::timestamp - make_interval(mins => least(power(2, least(a."scanAttempts", 6)), 60)::int)
        ORDER BY a."createdAt", a.id
        LIMIT 1
        FOR UPDATE SKIP LOCKED)
      RETURNING id`;
    if (!claimed) break;
    const outcome = await scanAttachment(db, store, scanner, claimed.id, now);
    if (outcome === "pending") break;
    if (outcome === "clean" || outcome === "infected") verdicts++;
  }
  return verdicts;
}
