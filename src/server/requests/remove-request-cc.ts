import "server-only";
import { can } from "@/domain";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { requestCcSchema, type RequestCcInput } from "@/schemas/request-cc";
import { requestAccessSelect, toRequestAccess, visibleRequestWhere } from "./visible-request";

// The requester (or an agent) removes a CC. Recorded in the event log; not activity for the service
// level. Removing someone who is not CC'd changes nothing and succeeds.

export type RemoveCcResult =
  | { ok: true; changed: boolean }
  /** Does not exist, or the viewer may not see it or may not manage its CCs: the same answer for all. */
  | { ok: false; reason: "not_found" }
  /** No one was named. */
  | { ok: false; reason: "invalid" };

export async function removeRequestCc(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: RequestCcInput): Promise<RemoveCcResult> {
  const parsed = requestCcSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.some((issue) => issue.path[0] === "requestId") ? "not_found" : "invalid" };
  const { requestId, userId } = parsed.data;
  const { actor, now } = viewer;

  return db.$transaction(async (tx): Promise<RemoveCcResult> => {
    const row = await tx.request.findFirst({ where: visibleRequestWhere(actor, now, requestId), select: requestAccessSelect });
    if (!row) return { ok: false, reason: "not_found" };
    const access = toRequestAccess(row);
    if (!can(actor, "view_request", access, now) || !can(actor, "manage_ccs", access, now)) return { ok: false, reason: "not_found" };

    const removed = await tx.requestCc.deleteMany({ where: { requestId, userId } });
    if (removed.count === 0) return { ok: true, changed: false };
    await tx.requestEvent.create({ data: { requestId, actorId: actor.userId, type: "cc_removed", data: { userId }, createdAt: now } });
    return { ok: true, changed: true };
  });
}
