import "server-only";
import { canBeCcd, checkNewRequest, DEFAULT_SERVICE_LEVEL_POLICY, openRequest, serviceLevel, type Actor, type RequestAccess } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { newRequestSchema, type NewRequest } from "@/schemas/new-request";
import type { Database } from "@/server/db/client";
import { invalid, refused, type Outcome } from "@/server/outcome";
import { notifyChange } from "@/server/mail/notify";
import { recordRequestChanged } from "@/server/realtime/stream-events";
import type { Viewer } from "@/server/people/viewer";
import { onceIn, submissionOf } from "@/server/submissions";
import { defineUseCase } from "@/server/use-case";
import { AttachmentsRefused, attachFiles } from "./attach-files";
import { eventRow } from "./event-rows";
import { requestStateData } from "./request-state";

// A customer opens a request (docs/product.md §2): subject, description, priority and CCs from the
// same organization, by the channel the viewer came in on. The request, its workflow clocks, its CCs
// and its first events are written together, or nothing is; the form's second submission (same key)
// opens nothing and answers the first one's request. Files uploaded ahead go with the description
// (no comment); when they cannot be attached, the request is not opened either.

export const createRequest = defineUseCase({
  input: newRequestSchema,
  run: (db: Database, viewer: Viewer, input) => openNewRequest(db, viewer, input),
});

/**
 * The request opened from input already parsed; `alongside` writes more in the same transaction
 * before the mail goes out (an inbound email records the request it opened, so the acknowledgement
 * threads under it).
 */
export async function openNewRequest(
  db: Database,
  viewer: Viewer,
  input: NewRequest,
  alongside?: (tx: Prisma.TransactionClient, requestId: number) => Promise<void>,
): Promise<Outcome<{ id: number }>> {
  const { actor, now, channel } = viewer;
  const allowed = checkNewRequest(actor);
  if (!allowed.ok) return refused(allowed.refusal);
  const { subject, description, priority, ccUserIds, attachmentIds } = input;

  const organizationId = organizationOf(actor, input.organizationId);
  if (!organizationId) return invalid({ organizationId: "organization_required" });
  const access: RequestAccess = { organizationId, requesterId: actor.userId, ccUserIds: [] };
  if (!(await mayAllBeCcd(db, ccUserIds, access))) return invalid({ ccUserIds: "cc_not_in_organization" });

  const opening = db.$transaction((tx) =>
    onceIn(tx, viewer, submissionOf("new_request", input), async () => {
      const { id } = await tx.request.create({
        data: { subject, description, priority, channel, requesterId: actor.userId, organizationId, createdAt: now },
        select: { id: true },
      });
      const { state, records } = openRequest({ id, organizationId, requesterId: actor.userId, channel, priority, at: now });
      const dueAt = serviceLevel(state, now, DEFAULT_SERVICE_LEVEL_POLICY)?.dueAt ?? null;
      await tx.request.update({ where: { id }, data: requestStateData(state, dueAt), select: { id: true } });
      if (ccUserIds.length > 0) {
        await tx.requestCc.createMany({ data: ccUserIds.map((userId) => ({ requestId: id, userId, addedById: actor.userId, createdAt: now })) });
      }
      const events: Prisma.RequestEventCreateManyInput[] = [
        ...records.map((record) => eventRow(record, null)),
        ...ccUserIds.map((userId) => ({ requestId: id, actorId: actor.userId, type: "cc_added" as const, data: { userId }, createdAt: now })),
      ];
      await tx.requestEvent.createMany({ data: events });
      await attachFiles(tx, viewer, { attachmentIds, requestId: id, commentId: null });
      await alongside?.(tx, id);
      await notifyChange(tx, { requestId: id, actorId: actor.userId, actorIsAgent: actor.isAgent, now, commentId: null, records, created: true });
      // The agent queue, open in a console, shows it without a reload (docs/realtime.md).
      await recordRequestChanged(tx, { requestId: id, internal: false, data: { commentId: null, status: state.status, priority: state.priority, created: true } });
      return { ok: true, id };
    }),
  );
  return opening.catch((error: unknown) => {
    if (error instanceof AttachmentsRefused) return error.failure;
    throw error;
  });
}

/** The organization the request belongs to: the only membership, or the chosen one of several. */
function organizationOf(actor: Actor, chosen: string | undefined): string | null {
  if (chosen !== undefined) return actor.memberships.some((membership) => membership.organizationId === chosen) ? chosen : null;
  const [only, ...others] = actor.memberships;
  return only && others.length === 0 ? only.organizationId : null;
}

async function mayAllBeCcd(db: Database, userIds: readonly string[], request: RequestAccess): Promise<boolean> {
  if (userIds.length === 0) return true;
  const candidates = await db.user.findMany({
    where: { id: { in: [...userIds] } },
    select: { id: true, memberships: { select: { organizationId: true, isTechnicalContact: true, isAdmin: true } } },
  });
  return userIds.every((userId) => {
    const candidate = candidates.find((user) => user.id === userId);
    return candidate !== undefined && canBeCcd({ userId: candidate.id, memberships: candidate.memberships }, request);
  });
}
