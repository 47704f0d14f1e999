import "server-only";
import type { Prisma, WebhookDeliveryStatus } from "@/generated/prisma/client";
import { webhookDeliveryListSchema, webhookDeliveryRefSchema } from "@/schemas/webhooks";
import { CONSOLE_PAGE_SIZE, keysetPage, keysetRead } from "@/server/accounts/keyset";
import type { Database } from "@/server/db/client";
import { notFound, refusedWith, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseWebhookConsole, timeCursor } from "./access";

// An endpoint's delivery log (docs/webhooks.md): every event sent to it, newest first, with what the
// receiver answered to each attempt, and Redeliver — the same event again, as a new delivery with
// the same message id, so that a receiver that keeps ids sees it is one it may have had.

export type { WebhookDeliveryStatus };

export interface WebhookDeliveryRow {
  id: string;
  event: string;
  requestId: number | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: Date;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
}

export interface WebhookDeliveryPage {
  deliveries: WebhookDeliveryRow[];
  nextCursor: string | null;
  previousCursor: string | null;
  onLaterPage: boolean;
}

export interface WebhookAttemptRow {
  number: number;
  at: Date;
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
}

export interface WebhookDeliveryDetail extends WebhookDeliveryRow {
  endpointId: string;
  messageId: string;
  /** The payload as sent, indented for reading. */
  payload: string;
  attemptLog: WebhookAttemptRow[];
}

const rowSelect = {
  id: true,
  event: true,
  requestId: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastError: true,
  createdAt: true,
  nextAttemptAt: true,
  deliveredAt: true,
} as const;

export const listWebhookDeliveries = defineUseCase({
  input: webhookDeliveryListSchema,
  identifies: ["endpointId"],
  run: async (db: Database, viewer: Reader, params): Promise<Outcome<{ page: WebhookDeliveryPage }>> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    const endpoint = await db.webhookEndpoint.findUnique({ where: { id: params.endpointId }, select: { id: true } });
    if (!endpoint) return notFound();
    const read = keysetRead(params);
    const cursor = timeCursor(read.cursor);
    const where: Prisma.WebhookDeliveryWhereInput = {
      endpointId: endpoint.id,
      // (createdAt, id) past the cursor: the endpointId, createdAt index starts there.
      ...(cursor
        ? read.backwards
          ? { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] }
          : { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }
        : {}),
    };
    const direction = read.backwards ? "asc" : "desc";
    const rows = await db.webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: CONSOLE_PAGE_SIZE + 1,
      select: rowSelect,
    });
    const page = keysetPage(rows, read, (row) => ({ v: row.createdAt.toISOString(), id: row.id }));
    return {
      ok: true,
      page: { deliveries: page.rows, nextCursor: page.nextCursor, previousCursor: page.previousCursor, onLaterPage: read.cursor !== undefined },
    };
  },
});

/** One delivery with its attempts and payload; only under its own endpoint. */
export const getWebhookDelivery = defineUseCase({
  input: webhookDeliveryRefSchema,
  identifies: ["endpointId", "deliveryId"],
  run: async (db: Database, viewer: Reader, { endpointId, deliveryId }): Promise<Outcome<{ delivery: WebhookDeliveryDetail }>> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    const row = await db.webhookDelivery.findFirst({
      where: { id: deliveryId, endpointId },
      select: {
        ...rowSelect,
        endpointId: true,
        messageId: true,
        payload: true,
        attemptLog: { orderBy: { number: "asc" }, select: { number: true, at: true, statusCode: true, error: true, responseBody: true, durationMs: true } },
      },
    });
    if (!row) return notFound();
    return { ok: true, delivery: { ...row, payload: JSON.stringify(row.payload, null, 2) } };
  },
});

/**
 * Sends a delivery's event again: a new queued row with the same message id, event, request and
 * payload — the payload as it was then, not the request as it is now. Not to an endpoint that is
 * turned off: the delivery job would only mark it failed.
 */
export const redeliverWebhook = defineUseCase({
  input: webhookDeliveryRefSchema,
  identifies: ["endpointId", "deliveryId"],
  run: async (db: Database, viewer: Reader, { endpointId, deliveryId }): Promise<Outcome<{ deliveryId: string }>> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    const original = await db.webhookDelivery.findFirst({
      where: { id: deliveryId, endpointId },
      select: { messageId: true, event: true, requestId: true, payload: true, endpoint: { select: { enabled: true } } },
    });
    if (!original) return notFound();
    if (!original.endpoint.enabled) return refusedWith("endpoint_disabled", "The endpoint is turned off; turn it on first.");
    const { id } = await db.webhookDelivery.create({
      data: {
        endpointId,
        messageId: original.messageId,
        event: original.event,
        requestId: original.requestId,
        // Read from a json column that is never null: it goes back as it came.
        payload: original.payload as Prisma.InputJsonValue,
        status: "queued",
        nextAttemptAt: viewer.now,
        createdAt: viewer.now,
      },
      select: { id: true },
    });
    return { ok: true, deliveryId: id };
  },
});
