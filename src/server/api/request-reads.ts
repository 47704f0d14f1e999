import "server-only";
import type { z } from "zod";
import type { RequestPage, ThreadEntry } from "@/server/requests/get-request-page";
import type { UncountedRequestListPage } from "@/server/requests/list-requests";
import type { listRequestsQuery, requestDetailSchema, requestListSchema } from "./contract/requests-read";

// What the Requests API's reads answer (docs/api.md "Reading requests"), made from the same use cases
// the pages read: My Requests' list and the request page.

type ListQuery = z.output<typeof listRequestsQuery>;

/**
 * The API's cursor: the list's own keyset cursor, wrapped with the sort, the order and the search it
 * was made for, so that a cursor is never applied to another ordering (which would skip or repeat rows).
 */
interface ApiCursor {
  sort: string;
  order: string;
  q: string;
  after: string;
}

const orderingOf = (query: ListQuery) => ({ sort: query.sort ?? "activity", order: query.order ?? "desc", q: query.q?.trim() ?? "" });

export function encodeApiCursor(query: ListQuery, after: string): string {
  return Buffer.from(JSON.stringify({ ...orderingOf(query), after } satisfies ApiCursor)).toString("base64url");
}

/** The list cursor inside `cursor`; null when it is not one of ours or was made for another ordering. */
export function decodeApiCursor(query: ListQuery, cursor: string): string | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<ApiCursor>;
    const ordering = orderingOf(query);
    if (typeof value.after !== "string" || value.sort !== ordering.sort || value.order !== ordering.order || value.q !== ordering.q) return null;
    return value.after;
  } catch {
    return null;
  }
}

export function toRequestList(query: ListQuery, page: UncountedRequestListPage): z.input<typeof requestListSchema> {
  return {
    scope: page.view.scope,
    data: page.items.map((item) => ({
      id: item.id,
      subject: item.subject,
      status: item.status,
      priority: item.priority,
      requesterName: item.requesterName,
      mergedIntoId: item.mergedIntoId,
      createdAt: item.createdAt.toISOString(),
      lastActivityAt: item.lastActivityAt.toISOString(),
    })),
    nextCursor: page.nextCursor ? encodeApiCursor(query, page.nextCursor) : null,
  };
}

const attachment = (file: RequestPage["attachments"][number]) => ({
  ...file,
  url: file.scanStatus === "clean" ? `/attachments/${file.id}/${encodeURIComponent(file.fileName)}` : null,
});

function threadEntry(entry: ThreadEntry) {
  switch (entry.kind) {
    case "comment":
      return {
        kind: "message" as const,
        id: entry.id,
        visibility: entry.internal ? ("internal" as const) : ("public" as const),
        author: entry.author,
        body: entry.body,
        channel: entry.channel,
        reopened: entry.reopened,
        createdAt: entry.at.toISOString(),
        attachments: entry.attachments.map(attachment),
      };
    case "chat":
      return {
        kind: "chat" as const,
        id: entry.id,
        startedBy: entry.startedBy,
        startedAt: entry.at.toISOString(),
        endedAt: entry.endedAt?.toISOString() ?? null,
        lines: entry.lines.map((line) => ({ id: line.id, author: line.author, body: line.body, sentAt: line.sentAt.toISOString() })),
      };
    case "status_change":
      return { kind: "status_change" as const, id: entry.id, at: entry.at.toISOString(), from: entry.from, to: entry.to };
    case "merge_received":
      return { kind: "merge_received" as const, id: entry.id, at: entry.at.toISOString(), source: entry.source };
  }
}

export function toRequestDetail(page: RequestPage): z.input<typeof requestDetailSchema> {
  // The requester reads their own rating and, while they may still rate, until when; agents read both.
  const agents = page.ratingForAgents;
  const rating = page.rating ?? agents?.rating ?? null;
  const openUntil = page.ratingOpenUntil ?? (agents?.openNow ? agents.openUntil : null);
  return {
    id: page.id,
    subject: page.subject,
    description: page.description,
    status: page.status,
    priority: page.priority,
    channel: page.channel,
    createdAt: page.createdAt.toISOString(),
    lastActivityAt: page.lastActivityAt.toISOString(),
    requester: page.requester,
    organization: page.organization,
    ccs: page.ccs,
    solvedReason: page.resolution?.reason ?? null,
    solvedAt: page.resolution?.solvedAt?.toISOString() ?? null,
    mergedIntoId: page.resolution?.mergedInto?.id ?? null,
    attachments: page.attachments.map(attachment),
    rating: rating && { score: rating.score, comment: rating.comment, ratedAt: rating.ratedAt.toISOString(), updatedAt: rating.updatedAt.toISOString() },
    ratingOpenUntil: openUntil?.toISOString() ?? null,
    thread: page.thread.map(threadEntry),
  };
}
