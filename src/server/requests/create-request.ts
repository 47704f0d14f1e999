import "server-only";
import { canBeCcd, DEFAULT_SERVICE_LEVEL_POLICY, openRequest, serviceLevel, type Actor, type RequestAccess } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { newRequestFieldErrors, newRequestSchema, type NewRequestFieldErrors } from "@/schemas/new-request";
import type { Viewer } from "@/server/access/viewer";
import type { Database } from "@/server/db/client";
import { eventRow } from "./event-rows";
import { requestStateData } from "./request-state";

// A customer opens a request from the portal (PRODUCT.md §2): subject, description, priority and
// CCs from the same organization. The request, its workflow clocks, its CCs and its first events are
// written together, or nothing is.

/** Why nobody's input could make this person's request acceptable. */
export type CreateRequestFormError = "agents_cannot_create" | "no_organization";

export type CreateRequestResult =
  | { ok: true; id: number }
  | { ok: false; fieldErrors: NewRequestFieldErrors; formError?: CreateRequestFormError };

/** `input` is read with `newRequestSchema`: a form's fields, or a test's object. */
export async function createRequest(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: unknown): Promise<CreateRequestResult> {
  const { actor, now } = viewer;
  // Agents work requests that customers open (portal, email, chat); they belong to no organization.
  if (actor.isAgent) return { ok: false, fieldErrors: {}, formError: "agents_cannot_create" };
  if (actor.memberships.length === 0) return { ok: false, fieldErrors: {}, formError: "no_organization" };

  const parsed = newRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: newRequestFieldErrors(parsed.error.issues) };
  const { subject, description, priority, ccUserIds } = parsed.data;

  const organizationId = organizationOf(actor, parsed.data.organizationId);
  if (!organizationId) return { ok: false, fieldErrors: { organizationId: "organization_required" } };
  const access: RequestAccess = { organizationId, requesterId: actor.userId, ccUserIds: [] };
  if (!(await mayAllBeCcd(db, ccUserIds, access))) return { ok: false, fieldErrors: { ccUserIds: "cc_not_in_organization" } };

  const id = await db.$transaction(async (tx) => {
    const { id } = await tx.request.create({
      data: { subject, description, priority, channel: "web", requesterId: actor.userId, organizationId, createdAt: now },
      select: { id: true },
    });
    const { state, records } = openRequest({ id, organizationId, requesterId: actor.userId, channel: "web", priority, at: now });
    const dueAt = serviceLevel(state, now, DEFAULT_SERVICE_LEVEL_POLICY)?.dueAt ?? null;
    await tx.request.update({ where: { id }, data: requestStateData(state, dueAt), select: { id: true } });
    if (ccUserIds.length > 0) {
      await tx.requestCc.createMany({ data: ccUserIds.map((userId) => ({ requestId: id, userId, addedById: actor.userId, createdAt: now })) });
    }
    // The domain records no creation; the event log starts here, as the demo data's does.
    const events: Prisma.RequestEventCreateManyInput[] = [
      ...records.map((record) => eventRow(record, null)),
      ...ccUserIds.map((userId) => ({ requestId: id, actorId: actor.userId, type: "cc_added" as const, data: { userId }, createdAt: now })),
    ];
    await tx.requestEvent.createMany({ data: events });
    return id;
  });
  return { ok: true, id };
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
