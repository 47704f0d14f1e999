import "server-only";
import { DAY } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { enqueueWebhooks } from "@/server/webhooks/enqueue";

// The stream's log (docs/realtime.md): a row per change to a request, written in the change's own
// transaction, so an event exists exactly when its change does. A trigger gives the row its position
// in the stream as the transaction commits, in commit order, and another wakes every instance.

export interface StreamEventInput {
  requestId: number;
  /** Only agents see it: an internal note. */
  internal: boolean;
  data: Prisma.InputJsonObject;
}

export async function recordRequestChanged(tx: Prisma.TransactionClient, event: StreamEventInput): Promise<void> {
  await tx.requestStreamEvent.create({ data: { requestId: event.requestId, type: "changed", internal: event.internal, data: event.data }, select: { id: true } });
  // The same change as webhook deliveries, in the same transaction (docs/webhooks.md).
  await enqueueWebhooks(tx, event);
}

/** What a chat's followers see happen (src/server/chat/): shown in the chat as it happens, and announced to the console. */
export type ChatEventData =
  | { kind: "waiting"; chatId: string; customerName: string; subject: string }
  | { kind: "joined"; chatId: string; agentName: string }
  | { kind: "transferred"; chatId: string; agentName: string }
  | { kind: "message"; chatId: string; message: { id: string; body: string; side: "customer" | "agent"; authorName: string; sentAt: string; clientId: string | null } }
  | { kind: "ended"; chatId: string; endedBy: "customer" | "agent" | "idle" };

export async function recordChatEvent(tx: Prisma.TransactionClient, requestId: number, data: ChatEventData): Promise<void> {
  await tx.requestStreamEvent.create({ data: { requestId, type: "chat", internal: false, data }, select: { id: true } });
}

/** The log's end: the last position committed, where a page rendered now stands in the stream. */
export async function streamLogEnd(db: Database | Prisma.TransactionClient): Promise<bigint> {
  return (await db.requestStreamEvent.findFirst({ where: { position: { not: null } }, orderBy: { position: "desc" }, select: { position: true } }))?.position ?? 0n;
}

/** How long the log keeps an event: longer than any browser stays away and still resumes. */
export const STREAM_EVENT_RETENTION_MS = 7 * DAY;

/** Events older than the retention, deleted by the automation; a browser away longer reloads the page. */
export async function forgetOldStreamEvents(db: Database, now: Date): Promise<number> {
  const { count } = await db.requestStreamEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - STREAM_EVENT_RETENTION_MS) } } });
  return count;
}
