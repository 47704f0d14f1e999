import "server-only";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { requestReplySchema, type RequestReplyInput } from "@/schemas/request-reply";
import { changeRequest } from "./change-request";

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

  const result = await changeRequest(db, {
    requestId,
    viewer,
    permissions: ["reply"],
    makeCommand: () =>
      actor.isAgent
        ? { code: "agent_reply_elsewhere", message: "Agents reply from the agent console." }
        : { type: "customer_reply", at: now, authorId: actor.userId, channel: "web" },
    comment: { body, visibility: "public" },
  });
  if (result.ok) return { ok: true, commentId: result.commentId ?? "", reopened: result.records.some((record) => record.type === "reopened") };
  // A customer's reply is always accepted; the one refusal is the caller's own.
  if (result.reason === "refused") return { ok: false, reason: "agent_reply_elsewhere" };
  return result;
}
