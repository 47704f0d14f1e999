import "server-only";
import {
  createWebhookEndpointSchema,
  listWebhookEndpointsSchema,
  setWebhookEndpointEnabledSchema,
  updateWebhookEndpointSchema,
  WEBHOOK_EVENTS,
  webhookEndpointRefSchema,
  type WebhookEvent,
} from "@/schemas/webhooks";
import type { Prisma } from "@/generated/prisma/client";
import type { WebhookAuditAction } from "@/server/accounts/list-audit-trail";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader, Viewer } from "@/server/people/viewer";
import { recordAudit } from "@/server/security/audit";
import { defineUseCase } from "@/server/use-case";
import { newWebhookSecret } from "../signing";
import { canUseWebhookConsole } from "./access";

// Webhook endpoints in the agent console (docs/webhooks.md): any agent adds, edits, turns off and
// deletes them, and reads or rotates their secrets. Anyone else is answered as if none existed.

/** Failed deliveries this recent count on the list: enough to notice a receiver that is down. */
export const RECENT_FAILURE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface WebhookEndpointSummary {
  id: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  internal: boolean;
  enabled: boolean;
  createdAt: Date;
  /** Deliveries given up on within RECENT_FAILURE_DAYS. */
  recentFailures: number;
}

export interface WebhookEndpointDetail extends Omit<WebhookEndpointSummary, "recentFailures"> {
  secret: string;
  updatedAt: Date;
}

const summarySelect = { id: true, url: true, description: true, events: true, internal: true, enabled: true, createdAt: true } as const;
const detailSelect = { ...summarySelect, secret: true, updatedAt: true } as const;

// The column is text[]: only what the form offered was ever written, but read leniently all the same.
const asEvents = (events: string[]) => events.filter((event): event is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(event));

export const listWebhookEndpoints = defineUseCase({
  input: listWebhookEndpointsSchema,
  run: async (db: Database, viewer: Reader): Promise<Outcome<{ endpoints: WebhookEndpointSummary[] }>> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    const [rows, failures] = await Promise.all([
      db.webhookEndpoint.findMany({ select: summarySelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
      db.webhookDelivery.groupBy({
        by: ["endpointId"],
        where: { status: "failed", createdAt: { gte: new Date(viewer.now.getTime() - RECENT_FAILURE_DAYS * DAY_MS) } },
        _count: { _all: true },
      }),
    ]);
    const failed = new Map(failures.map((row) => [row.endpointId, row._count._all]));
    return { ok: true, endpoints: rows.map((row) => ({ ...row, events: asEvents(row.events), recentFailures: failed.get(row.id) ?? 0 })) };
  },
});

/** One endpoint with its secret, for its page. */
export const getWebhookEndpoint = defineUseCase({
  input: webhookEndpointRefSchema,
  identifies: ["endpointId"],
  run: async (db: Database, viewer: Reader, { endpointId }): Promise<Outcome<{ endpoint: WebhookEndpointDetail }>> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    const row = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: detailSelect });
    return row ? { ok: true, endpoint: { ...row, events: asEvents(row.events) } } : notFound();
  },
});

/**
 * One change to an endpoint and its line in the audit trail, together: whoever points support's events
 * somewhere else, or reads them with a new secret, is on record. False when the endpoint is gone.
 */
async function changeEndpoint(db: Database, viewer: Viewer, endpointId: string, action: WebhookAuditAction, change: (tx: Prisma.TransactionClient) => Promise<number>): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { url: true } });
    if (!before || (await change(tx)) === 0) return false;
    const after = action === "deleted" ? before : await tx.webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId }, select: { url: true } });
    await recordAudit(tx, { type: "webhook_endpoint_changed", actorId: viewer.actor.userId, client: viewer.client, detail: { webhookAction: action, url: after.url, endpointId } }, viewer.now);
    return true;
  });
}

export const createWebhookEndpoint = defineUseCase({
  input: createWebhookEndpointSchema,
  run: async (db: Database, viewer: Viewer, { url, description, events, internal }): Promise<Outcome<{ endpointId: string }>> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    const id = await db.$transaction(async (tx) => {
      const created = await tx.webhookEndpoint.create({
        data: { url, description, events, internal, secret: newWebhookSecret(), createdById: viewer.actor.userId, createdAt: viewer.now },
        select: { id: true },
      });
      await recordAudit(tx, { type: "webhook_endpoint_changed", actorId: viewer.actor.userId, client: viewer.client, detail: { webhookAction: "created", url, endpointId: created.id } }, viewer.now);
      return created.id;
    });
    return { ok: true, endpointId: id };
  },
});

export const updateWebhookEndpoint = defineUseCase({
  input: updateWebhookEndpointSchema,
  identifies: ["endpointId"],
  run: async (db: Database, viewer: Viewer, { endpointId, url, description, events, internal }): Promise<Outcome<{ endpointId: string }>> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    // updateMany: one another agent deleted meanwhile is simply not found. Deliveries already queued
    // keep their payload; only events from now on follow the new settings.
    const changed = await changeEndpoint(db, viewer, endpointId, "updated", async (tx) => (await tx.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { url, description, events, internal } })).count);
    return changed ? { ok: true, endpointId } : notFound();
  },
});

/** Turning an endpoint off stops deliveries to it: the delivery job marks those still waiting failed (docs/webhooks.md). */
export const setWebhookEndpointEnabled = defineUseCase({
  input: setWebhookEndpointEnabledSchema,
  identifies: ["endpointId"],
  run: async (db: Database, viewer: Viewer, { endpointId, enabled }): Promise<Outcome<{ endpointId: string; enabled: boolean }>> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    const changed = await changeEndpoint(db, viewer, endpointId, enabled ? "enabled" : "disabled", async (tx) => (await tx.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { enabled } })).count);
    return changed ? { ok: true, endpointId, enabled } : notFound();
  },
});

/** A new secret, at once: the receiver must be given it, as signatures with the old one stop. */
export const rotateWebhookSecret = defineUseCase({
  input: webhookEndpointRefSchema,
  identifies: ["endpointId"],
  run: async (db: Database, viewer: Viewer, { endpointId }): Promise<Outcome<{ endpointId: string }>> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    const changed = await changeEndpoint(db, viewer, endpointId, "secret_rotated", async (tx) => (await tx.webhookEndpoint.updateMany({ where: { id: endpointId }, data: { secret: newWebhookSecret() } })).count);
    return changed ? { ok: true, endpointId } : notFound();
  },
});

/** Deleting an endpoint deletes its delivery log with it (the rows cascade). */
export const deleteWebhookEndpoint = defineUseCase({
  input: webhookEndpointRefSchema,
  identifies: ["endpointId"],
  run: async (db: Database, viewer: Viewer, { endpointId }): Promise<Outcome> => {
    if (!canUseWebhookConsole(viewer.actor)) return notFound();
    const changed = await changeEndpoint(db, viewer, endpointId, "deleted", async (tx) => (await tx.webhookEndpoint.deleteMany({ where: { id: endpointId } })).count);
    return changed ? { ok: true } : notFound();
  },
});
