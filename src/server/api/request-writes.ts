import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Database } from "@/server/db/client";
import { problem } from "@/server/entry/routes";
import type { Reader } from "@/server/people/viewer";
import { findRequestFor } from "@/server/requests/request-gate";
import type { ChangedRequest } from "./contract/requests-write";

// What the Requests API's writes (src/app/api/v1/requests/) share besides their contract: the key a
// use case's submission is made once under, and the request and message a write answers with.

const changedRequestSelect = {
  id: true,
  subject: true,
  status: true,
  priority: true,
  assigneeId: true,
  mergedIntoId: true,
  channel: true,
  createdAt: true,
  lastActivityAt: true,
} as const;

/**
 * The request as the viewer now sees it, read through the gate after the write; null when the write
 * took it out of their sight (it does not happen with these routes, but the gate decides, not us).
 */
export async function changedRequest(db: Database, viewer: Reader, id: number): Promise<ChangedRequest | null> {
  const opened = await findRequestFor(db, viewer, id, { select: changedRequestSelect });
  if (!opened.ok) return null;
  // The gate reads the request's parties as well; only these columns are the answer.
  const row = opened.request;
  return {
    id: row.id,
    subject: row.subject,
    status: row.status,
    priority: row.priority,
    assigneeId: row.assigneeId,
    mergedIntoId: row.mergedIntoId,
    channel: row.channel,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
  };
}

/**
 * The message a write just made, for its answer. The agent's reply and the internal note answer no
 * comment id (their use cases answer a resent form with nothing but "done"), so it is the author's
 * latest message of that visibility on the request — theirs, written a moment ago.
 */
export async function postedMessage(db: Database, viewer: Reader, requestId: number, visibility: "public" | "internal", commentId?: string) {
  const comment = await db.comment.findFirst({
    where: commentId ? { id: commentId, requestId } : { requestId, authorId: viewer.actor.userId, visibility },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, visibility: true, createdAt: true },
  });
  return comment && { id: comment.id, visibility: comment.visibility, createdAt: comment.createdAt.toISOString() };
}

/**
 * The key a use case's submission is made once under (src/server/submissions.ts): derived from the
 * Idempotency-Key and the path when the caller sent one — so a retry that outlives the stored answer
 * still creates nothing twice — and new otherwise. Shaped as a UUID, which the use cases expect.
 */
export function submissionKeyFor(request: Request): string {
  const key = request.headers.get("idempotency-key");
  if (key === null) return randomUUID();
  const hex = createHash("sha256").update(`${new URL(request.url).pathname}\n${key}`).digest("hex");
  // Version 8 (custom) and the RFC 9562 variant, so that it is a valid UUID.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The location of a created request. */
export const requestLocation = (id: number) => `/api/v1/requests/${id}`;

/** 201 with the request as the write left it, or 404 if the gate no longer shows it. */
export async function createdRequestAnswer(db: Database, viewer: Reader, id: number): Promise<Response> {
  const request = await changedRequest(db, viewer, id);
  if (!request) return problem(404, "not_found", "Not found.");
  return Response.json({ request }, { status: 201, headers: { Location: requestLocation(id) } });
}

/** 200 with the request as the write left it. */
export async function changedRequestAnswer(db: Database, viewer: Reader, id: number): Promise<Response> {
  const request = await changedRequest(db, viewer, id);
  return request ? Response.json({ request }) : problem(404, "not_found", "Not found.");
}

/** 201 with the message just written and its request; the message is read on the request. */
export async function postedMessageAnswer(db: Database, viewer: Reader, id: number, visibility: "public" | "internal", commentId?: string): Promise<Response> {
  const [message, request] = await Promise.all([postedMessage(db, viewer, id, visibility, commentId), changedRequest(db, viewer, id)]);
  if (!message || !request) return problem(404, "not_found", "Not found.");
  return Response.json({ message, request }, { status: 201, headers: { Location: requestLocation(id) } });
}

const ccEmail = z.email().max(254);

/**
 * The person a CC call names, by id or by email. An email nobody has goes on as an id nobody has, so
 * the use case answers it as it answers anyone who cannot be CC'd (and an unseen request still as
 * 404): the API does not tell which addresses have accounts.
 */
export async function ccUserIdOf(db: Database, body: Record<string, unknown>): Promise<{ ok: true; userId: unknown } | { ok: false; fields: Record<string, string> }> {
  if (body.email === undefined) return { ok: true, userId: body.userId };
  // One or the other: both at once is a mistake, not a choice.
  const email = ccEmail.safeParse(typeof body.email === "string" ? body.email.trim().toLowerCase() : body.email);
  if (!email.success || body.userId !== undefined) return { ok: false, fields: { email: "invalid" } };
  const user = await db.user.findUnique({ where: { email: email.data }, select: { id: true } });
  return { ok: true, userId: user?.id ?? NOBODY };
}

/** No user has this id (ids are cuids or the demo data's `seed-user-…`). */
const NOBODY = "nobody";

/** 200 with the request's rating as the requester's write left it. */
export async function ratingAnswer(db: Database, requestId: number, changed: boolean): Promise<Response> {
  const rating = await db.satisfactionRating.findUnique({ where: { requestId }, select: { score: true, comment: true, ratedAt: true, updatedAt: true } });
  if (!rating) return problem(404, "not_found", "Not found.");
  return Response.json({ rating: { ...rating, ratedAt: rating.ratedAt.toISOString(), updatedAt: rating.updatedAt.toISOString() }, changed });
}
