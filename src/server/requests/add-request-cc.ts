import "server-only";
import { can, canBeCcd } from "@/domain";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { requestCcSchema, type RequestCcInput } from "@/schemas/request-cc";
import { requestAccessSelect, toRequestAccess, visibleRequestWhere } from "./visible-request";

// The requester (or an agent) adds a colleague from the request's organization as a CC
// (PRODUCT.md §2). Recorded in the event log; not activity for the service level, so the request row
// is left alone. Adding someone already CC'd changes nothing and succeeds.

export type AddCcResult =
  | { ok: true; changed: boolean }
  /** Does not exist, or the viewer may not see it or may not manage its CCs: the same answer for all. */
  | { ok: false; reason: "not_found" }
  /** No one was chosen. */
  | { ok: false; reason: "invalid" }
  /** Not a member of the request's organization, or the requester. */
  | { ok: false; reason: "not_eligible" };

export async function addRequestCc(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: RequestCcInput): Promise<AddCcResult> {
  const parsed = requestCcSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.some((issue) => issue.path[0] === "requestId") ? "not_found" : "invalid" };
  const { requestId, userId } = parsed.data;
  const { actor, now } = viewer;

  return db.$transaction(async (tx): Promise<AddCcResult> => {
    const row = await tx.request.findFirst({ where: visibleRequestWhere(actor, now, requestId), select: requestAccessSelect });
    if (!row) return { ok: false, reason: "not_found" };
    const access = toRequestAccess(row);
    if (!can(actor, "view_request", access, now) || !can(actor, "manage_ccs", access, now)) return { ok: false, reason: "not_found" };

    const candidate = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, memberships: { select: { organizationId: true, isTechnicalContact: true, isAdmin: true } } },
    });
    if (!candidate || !canBeCcd({ userId: candidate.id, memberships: candidate.memberships }, access)) return { ok: false, reason: "not_eligible" };

    // skipDuplicates: a CC added meanwhile by someone else is not an error, and is recorded once.
    const created = await tx.requestCc.createMany({ data: [{ requestId, userId, addedById: actor.userId, createdAt: now }], skipDuplicates: true });
    if (created.count === 0) return { ok: true, changed: false };
    await tx.requestEvent.create({ data: { requestId, actorId: actor.userId, type: "cc_added", data: { userId }, createdAt: now } });
    return { ok: true, changed: true };
  });
}
