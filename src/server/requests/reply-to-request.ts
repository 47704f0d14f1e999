import "server-only";
import { DEFAULT_SERVICE_LEVEL_POLICY, can, decide, serviceLevel } from "@/domain";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { requestReplySchema, type RequestReplyInput } from "@/schemas/request-reply";
import { eventRow } from "./event-rows";
import { requestStateData, requestStateSelect, toRequestState } from "./request-state";
import { requestAccessSelect, toRequestAccess, visibleRequestWhere } from "./visible-request";

// A customer's public reply from the portal (PRODUCT.md §5): one rule for every channel — the domain
// makes a Pending, On-hold or Solved request Open and records "reopened" when it was Solved. The
// comment, the new state and the events are written together, or not at all.

/** What is wrong with the reply's text, as codes the form translates. */
export type ReplyBodyError = "reply_required" | "reply_too_long";
export type ReplyFieldErrors = { body: ReplyBodyError[] };

export type ReplyResult =
  | { ok: true; commentId: string; reopened: boolean }
  /** Does not exist, or the viewer may not see it or may not reply: the same answer for all. */
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid"; fieldErrors: ReplyFieldErrors }
  /** Agents answer from the agent console, where they choose the status that follows their reply. */
  | { ok: false; reason: "agent_reply_elsewhere" }
  /** Others kept changing the request while this reply was written; nothing was saved. */
  | { ok: false; reason: "conflict" };

/** Two concurrent writers each lose the race at most once to the other; a third try is slack. */
const MAX_ATTEMPTS = 3;

class ConcurrentChange extends Error {}

export async function replyToRequest(db: Database, viewer: Pick<Viewer, "actor" | "now">, input: RequestReplyInput): Promise<ReplyResult> {
  // Input first: its answer cannot depend on the request, so it tells nothing about it.
  const parsed = requestReplySchema.safeParse(input);
  if (!parsed.success) {
    const body = parsed.error.issues
      .filter((issue) => issue.path[0] === "body")
      .map((issue): ReplyBodyError => (issue.code === "too_big" ? "reply_too_long" : "reply_required"));
    // A malformed id is a request that does not exist.
    if (body.length === 0) return { ok: false, reason: "not_found" };
    return { ok: false, reason: "invalid", fieldErrors: { body: [...new Set(body)] } };
  }
  const { requestId, body } = parsed.data;
  const { actor, now } = viewer;

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      return await db.$transaction(async (tx): Promise<ReplyResult> => {
        const row = await tx.request.findFirst({
          where: visibleRequestWhere(actor, now, requestId),
          select: { ...requestStateSelect, ...requestAccessSelect },
        });
        if (!row) return { ok: false, reason: "not_found" };
        const access = toRequestAccess(row);
        if (!can(actor, "view_request", access, now) || !can(actor, "reply", access, now)) return { ok: false, reason: "not_found" };
        if (actor.isAgent) return { ok: false, reason: "agent_reply_elsewhere" };

        const decision = decide(toRequestState(row), { type: "customer_reply", at: now, authorId: actor.userId, channel: "web" });
        // A customer's reply is always accepted; who may send one is `can`'s business.
        if (!decision.ok) throw new Error(`customer_reply refused: ${decision.refusal.code}`);

        const comment = await tx.comment.create({
          data: { requestId, authorId: actor.userId, body, visibility: "public", channel: "web", createdAt: now },
          select: { id: true },
        });
        const dueAt = serviceLevel(decision.state, now, DEFAULT_SERVICE_LEVEL_POLICY)?.dueAt ?? null;
        const updated = await tx.request.updateMany({
          where: { id: requestId, version: row.version },
          data: { ...requestStateData(decision.state, dueAt), version: { increment: 1 } },
        });
        // Someone changed the request since we read it: undo the comment and decide again on the new state.
        if (updated.count === 0) throw new ConcurrentChange();
        if (decision.records.length > 0) {
          await tx.requestEvent.createMany({ data: decision.records.map((record) => eventRow(record, comment.id)) });
        }
        return { ok: true, commentId: comment.id, reopened: decision.records.some((record) => record.type === "reopened") };
      });
    } catch (error) {
      if (!(error instanceof ConcurrentChange)) throw error;
    }
  }
  return { ok: false, reason: "conflict" };
}
