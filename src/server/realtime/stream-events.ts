import "server-only";
import { DAY } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";

// The stream's log (docs/realtime.md): a row per change to a request, written in the change's own
// transaction, so an event exists exactly when its change does; the trigger on the table wakes every
// instance once the transaction commits.

export interface StreamEventInput {
  requestId: number;
  /** Only agents see it: an internal note. */
  internal: boolean;
  data: Prisma.InputJsonObject;
}

export async function recordRequestChanged(tx: Prisma.TransactionClient, event: StreamEventInput): Promise<void> {
  await tx.requestStreamEvent.create({ data: { requestId: event.requestId, type: "changed", internal: event.internal, data: event.data }, select: { id: true } });
}

/** How long the log keeps an event: longer than any browser stays away and still resumes. */
export const STREAM_EVENT_RETENTION_MS = 7 * DAY;

/** Events older than the retention, deleted by the automation; a browser away longer reloads the page. */
export async function forgetOldStreamEvents(db: Database, now: Date): Promise<number> {
  const { count } = await db.requestStreamEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - STREAM_EVENT_RETENTION_MS) } } });
  return count;
}
