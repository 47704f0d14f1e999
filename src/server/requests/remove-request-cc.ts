import "server-only";
import { defineCcChange } from "./cc-change";

// The requester (or an agent) removes a CC. Removing someone who is not CC'd changes nothing and succeeds.

export const removeRequestCc = defineCcChange(async (tx, { actor, now }, { requestId, userId }) => {
  const removed = await tx.requestCc.deleteMany({ where: { requestId, userId } });
  if (removed.count === 0) return { ok: true, changed: false };
  await tx.requestEvent.create({ data: { requestId, actorId: actor.userId, type: "cc_removed", data: { userId }, createdAt: now } });
  return { ok: true, changed: true };
});
