import "server-only";
import type { RequestStatus } from "@/domain";
import { fillSavedReply } from "@/domain/saved-replies";
import type { Prisma, RequestEventType } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { requestRefSchema } from "@/schemas/request-id";
import { getRequestPage, type Person, type RequestLink, type RequestPage } from "./get-request-page";
import type { RequestRatingSummary } from "./request-rating";

// The agent's view of one request: everything the customer sees (the same use case, which gives
// agents the internal notes too), the full event log, who it can be assigned to and which requests
// it can be merged into. "Not found" for anyone but an agent, and for requests that do not exist.

export const MERGE_CANDIDATE_LIMIT = 20;

export interface AgentEvent {
  id: string;
  type: RequestEventType;
  at: Date;
  /** Null when the automation acted. */
  actor: Person | null;
  fromStatus: string | null;
  toStatus: string | null;
  fromPriority: string | null;
  toPriority: string | null;
  reason: string | null;
  data: Prisma.JsonValue;
}

export interface AgentRequestPage {
  request: RequestPage;
  assignee: Person | null;
  events: AgentEvent[];
  /** People an event's data names (assignees, CCs), by id. */
  people: Record<string, string>;
  agents: Person[];
  /** Other unmerged requests of the same organization, most recent activity first. */
  mergeCandidates: MergeCandidate[];
  isMerged: boolean;
  /** The request this one was merged into, when it was. */
  mergedIntoId: number | null;
  /** The requester's email address: agents write to them outside the portal too. */
  requesterEmail: string;
  /** The saved replies agents share, their placeholders filled for this request (docs/product.md §8). */
  savedReplies: Array<{ id: string; title: string; body: string }>;
  /** The incoming mail each comment that came by email was made of, by comment id: the console's "View original email". */
  originalEmails: Record<string, string>;
  /** The incoming mail that opened the request, when one did. */
  openingEmail: string | null;
  /** The requester's rating, and until when it may change (docs/product.md §4.5). */
  rating: RequestRatingSummary;
}

/** A request this one may be merged into, as the merge's confirmation shows it. */
export interface MergeCandidate extends RequestLink {
  status: RequestStatus;
  requesterName: string;
}

const personSelect = { id: true, name: true, isAgent: true } as const;

export const getAgentRequestPage = defineUseCase({
  input: requestRefSchema,
  identifies: ["requestId"],
  run: async (db: Database, viewer: Reader, input): Promise<Outcome<{ page: AgentRequestPage }>> => {
    if (!viewer.actor.isAgent) return notFound();
    const opened = await getRequestPage.run(db, viewer, input);
    if (!opened.ok) return opened;
    const request = opened.page;
    const emailedCommentIds = request.thread.flatMap((entry) => (entry.kind === "comment" && entry.channel === "email" ? [entry.id] : []));

    const [row, events, agents, mergeCandidates, inboundMails, savedReplies] = await Promise.all([
      db.request.findUniqueOrThrow({ where: { id: request.id }, select: { mergedIntoId: true, assignee: { select: personSelect }, requester: { select: { email: true } } } }),
      db.requestEvent.findMany({
        where: { requestId: request.id },
        select: {
          id: true,
          type: true,
          createdAt: true,
          actor: { select: personSelect },
          fromStatus: true,
          toStatus: true,
          fromPriority: true,
          toPriority: true,
          reason: true,
          data: true,
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
      db.user.findMany({ where: { isAgent: true }, select: personSelect, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      db.request.findMany({
        where: { organizationId: request.organization.id, mergedIntoId: null, id: { not: request.id } },
        select: { id: true, subject: true, status: true, requester: { select: { name: true } } },
        orderBy: [{ lastActivityAt: "desc" }, { id: "desc" }],
        take: MERGE_CANDIDATE_LIMIT,
      }),
      // One query for the whole thread: the mail each emailed comment came as, and the one that opened the request.
      request.channel === "email" || emailedCommentIds.length > 0
        ? db.inboundMail.findMany({
            where: { OR: [{ commentId: { in: emailedCommentIds } }, { requestId: request.id, status: "created", commentId: null }] },
            select: { id: true, commentId: true },
          })
        : Promise.resolve([]),
      db.savedReply.findMany({ select: { id: true, title: true, body: true }, orderBy: [{ title: "asc" }, { id: "asc" }] }),
    ]);

    // Names for the user ids the log's data mentions (assignments, CCs).
    const namedIds = new Set<string>();
    for (const event of events) {
      const data = event.data as Record<string, unknown> | null;
      for (const key of ["assigneeId", "userId"]) {
        const value = data?.[key];
        if (typeof value === "string") namedIds.add(value);
      }
    }
    const named = namedIds.size > 0 ? await db.user.findMany({ where: { id: { in: [...namedIds] } }, select: { id: true, name: true } }) : [];

    const page: AgentRequestPage = {
      request,
      assignee: row.assignee,
      events: events.map((event) => ({
        id: event.id,
        type: event.type,
        at: event.createdAt,
        actor: event.actor,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        fromPriority: event.fromPriority,
        toPriority: event.toPriority,
        reason: event.reason,
        data: event.data,
      })),
      people: Object.fromEntries(named.map((user) => [user.id, user.name])),
      agents,
      mergeCandidates: mergeCandidates.map(({ requester, ...candidate }) => ({ ...candidate, requesterName: requester.name })),
      isMerged: row.mergedIntoId !== null,
      mergedIntoId: row.mergedIntoId,
      requesterEmail: row.requester.email,
      savedReplies: savedReplies.map((reply) => ({ ...reply, body: fillSavedReply(reply.body, { requesterName: request.requester.name, requestNumber: request.id }) })),
      originalEmails: Object.fromEntries(inboundMails.flatMap((mail) => (mail.commentId ? [[mail.commentId, mail.id]] : []))),
      openingEmail: inboundMails.find((mail) => mail.commentId === null)?.id ?? null,
      rating: request.ratingForAgents ?? { rating: null, openUntil: null, openNow: false },
    };
    return { ok: true, page };
  },
});
