import "server-only";
import { canBeCcd } from "@/domain";
import { notifyChange } from "@/server/mail/notify";
import { refusedWith } from "@/server/outcome";
import { defineCcChange } from "./cc-change";

// The requester (or an agent) adds a colleague from the request's organization as a CC
// (docs/product.md §2). Adding someone already CC'd changes nothing and succeeds.

export const addRequestCc = defineCcChange(async (tx, { actor, now }, { requestId, userId }, request) => {
  const candidate = await tx.user.findUnique({
    where: { id: userId },
    select: { id: true, memberships: { select: { organizationId: true, isTechnicalContact: true, isAdmin: true } } },
  });
  if (!candidate || !canBeCcd({ userId: candidate.id, memberships: candidate.memberships }, request)) {
    return refusedWith("not_eligible", "Only members of the request's organization, other than the requester, can be CC'd.");
  }
  // skipDuplicates: a CC added meanwhile by someone else is not an error, and is recorded once.
  const created = await tx.requestCc.createMany({ data: [{ requestId, userId, addedById: actor.userId, createdAt: now }], skipDuplicates: true });
  if (created.count === 0) return { ok: true, changed: false };
  await tx.requestEvent.create({ data: { requestId, actorId: actor.userId, type: "cc_added", data: { userId }, createdAt: now } });
  await notifyChange(tx, { requestId, actorId: actor.userId, actorIsAgent: actor.isAgent, now, commentId: null, records: [], addedCcUserIds: [userId] });
  return { ok: true, changed: true };
});
