import "server-only";
import { z } from "zod";
import {
  DEFAULT_SERVICE_LEVEL_POLICY,
  HOLD_REASONS,
  SOLVED_REASONS,
  canBeCcd,
  can,
  canRate,
  decide,
  ratingOpenUntil,
  relationsTo,
  replyRoute,
  serviceLevel,
  visibleComments,
  visibleRequestsFilter,
  type BugReport,
  type Channel,
  type HoldReason,
  type PriorityCode,
  type RequestStatus,
  type ServiceLevelStatus,
  type SolvedReason,
} from "@/domain";
import { readSatisfactionConfig } from "@/config/env";
import type { Database } from "@/server/db/client";
import type { Reader } from "@/server/people/viewer";
import type { Outcome } from "@/server/outcome";
import { defineUseCase } from "@/server/use-case";
import { requestRefSchema } from "@/schemas/request-id";
import { findRequestFor, partiesSelect, requestAccessSelect, toRequestAccess } from "./request-gate";
import { ratingSelect, toRequestRating, type RequestRating, type RequestRatingSummary } from "./request-rating";
import { requestStateSelect, toRequestState } from "./request-state";
import { openableRequestsWhere } from "./visibility-query";

// The request page (docs/product.md §2–5): everything it shows, read for one viewer. The request
// comes through the gate, "not found" alike for a request that does not exist and one the viewer may
// not see; an internal note is never read for a viewer who may not read them.

export interface Person {
  id: string;
  name: string;
  isAgent: boolean;
}

export interface RequestLink {
  id: number;
  subject: string;
}

export interface PriorityChange {
  at: Date;
  from: PriorityCode;
  to: PriorityCode;
  reason: string;
}

/** How a Solved request was solved, with what the customer was told (docs/product.md §4). */
export interface Resolution {
  reason: SolvedReason;
  solvedAt: Date | null;
  /** For "bug reported": the bug, its agreed priority and the estimated resolution. */
  bugReport: BugReport | null;
  /** For "merged": the request it was merged into. */
  mergedInto: RequestLink | null;
  /** The requester solved it themselves with "Mark as solved" (docs/product.md §4.1). */
  byRequester: boolean;
}

export interface ChatLine {
  id: string;
  author: Person;
  body: string;
  sentAt: Date;
}

/** A file attached to the description or to a comment, as the thread lists it. */
export interface AttachmentItem {
  id: string;
  fileName: string;
  /** Sniffed from the bytes: picks the icon, and whether a thumbnail is shown. */
  contentType: string;
  byteSize: number;
  /** Pending and infected files are listed, not linked. */
  scanStatus: "pending" | "clean" | "infected";
}

export type ThreadEntry =
  | {
      kind: "comment";
      id: string;
      at: Date;
      author: Person;
      body: string;
      channel: Channel;
      /** Only ever true for viewers allowed to read internal notes (agents). */
      internal: boolean;
      /** This reply reopened a Solved request. */
      reopened: boolean;
      /** The automation's reminder (docs/product.md §4.4): signed by an agent account, written by nobody. */
      automaticReminder: boolean;
      attachments: AttachmentItem[];
    }
  | { kind: "chat"; id: string; at: Date; endedAt: Date | null; startedBy: Person; lines: ChatLine[]; reopened: boolean }
  | { kind: "status_change"; id: string; at: Date; from: RequestStatus | null; to: RequestStatus; holdReason: HoldReason | null; solvedReason: SolvedReason | null }
  /** Another request was merged into this one here (docs/product.md §4.3); only one the viewer may open. */
  | { kind: "merge_received"; id: string; at: Date; source: RequestLink };

export interface RequestPage {
  id: number;
  subject: string;
  description: string;
  /** Files attached to the description. */
  attachments: AttachmentItem[];
  channel: Channel;
  status: RequestStatus;
  priority: PriorityCode;
  holdReason: HoldReason | null;
  createdAt: Date;
  lastActivityAt: Date;
  requester: Person;
  organization: { id: string; name: string };
  ccs: Person[];
  /** Reclassifications with their reasons, oldest first. */
  priorityHistory: PriorityChange[];
  /** What support owes now and by when; null when nothing is owed (Pending: the requester's turn; Solved). */
  serviceLevel: ServiceLevelStatus | null;
  /** Set when the request is Solved. */
  resolution: Resolution | null;
  /** Requests merged into this one that the viewer may see. */
  mergedFrom: RequestLink[];
  /** Public replies, chat sessions and status changes in time order (internal notes only for agents). */
  thread: ThreadEntry[];
  /** The viewer replies in the thread, from the requester's side. */
  canReply: boolean;
  /** Why a customer who may not reply reads the request: organization-level access, or a merge link. */
  readsThrough: "organization_access" | "merge_link" | null;
  /** Agents answer from the agent console, not from the portal. */
  repliesFromAgentConsole: boolean;
  canManageCcs: boolean;
  /** Who may be added as a CC: members of the request's organization, not the requester, not already CC'd. */
  ccCandidates: Array<Person & { email: string }>;
  /** The requester may mark it solved now (docs/product.md §4.1): Open or Pending, not merged. */
  canMarkSolved: boolean;
  /** The requester's own rating (docs/product.md §4.5); shown to the requester only. */
  rating: RequestRating | null;
  /** Until when the requester may rate or change their rating; null when they cannot now. */
  ratingOpenUntil: Date | null;
  /** The rating as agents read it: who gave it, and until when it may change; null for anyone else. */
  ratingForAgents: RequestRatingSummary | null;
}

const personSelect = { id: true, name: true, isAgent: true } as const;

export const getRequestPage = defineUseCase({
  input: requestRefSchema,
  identifies: ["requestId"],
  run: async (db: Database, viewer: Reader, { requestId: id }): Promise<Outcome<{ page: RequestPage }>> => {
    const { actor, now } = viewer;
    const opened = await findRequestFor(db, viewer, id, {
      select: {
        ...requestStateSelect,
        subject: true,
        description: true,
        requester: { select: personSelect },
        organization: { select: { id: true, name: true } },
        ccs: { select: { userId: true, user: { select: personSelect } }, orderBy: { createdAt: "asc" } },
        // Everyone who may see a merged request may follow its link (the domain's merge relations).
        mergedInto: { select: { id: true, subject: true, ...partiesSelect } },
        satisfaction: { select: ratingSelect },
        // Counted within the gate's statement: a request without ended chats (most) needs no read of
        // chat sessions, their messages and authors, each of which would be a statement even when empty.
        _count: { select: { chatSessions: { where: { status: "ended" } } } },
      },
    });
    if (!opened.ok) return opened;
    const { request: row, access } = opened;

    const withInternalNotes = can(actor, "view_internal_notes", access, now);
    const canManageCcs = can(actor, "manage_ccs", access, now);
    const ccIds = row.ccs.map((cc) => cc.userId);

    const [comments, attachments, chatSessions, events, mergedFrom, candidates] = await Promise.all([
      db.comment.findMany({
        // Internal notes never leave the database for a viewer who may not read them.
        where: { requestId: id, ...(withInternalNotes ? {} : { visibility: "public" as const }) },
        select: {
          id: true,
          body: true,
          visibility: true,
          channel: true,
          createdAt: true,
          author: { select: personSelect },
          // A reminder the automation sent (no acting agent), as opposed to one an agent wrote.
          isReminder: true,
          events: { where: { type: "reminder_sent", actorId: null }, select: { id: true }, take: 1 },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
      // Every file of the thread in one statement, grouped below: the description's, and those of the
      // comments this viewer may read — an internal note's files never leave the database for others.
      db.attachment.findMany({
        where: {
          requestId: id,
          attachedAt: { not: null },
          ...(withInternalNotes ? {} : { OR: [{ commentId: null }, { comment: { visibility: "public" as const } }] }),
        },
        select: { id: true, commentId: true, fileName: true, contentType: true, byteSize: true, scanStatus: true },
        orderBy: [{ attachedAt: "asc" }, { createdAt: "asc" }, { id: "asc" }],
      }),
      row._count.chatSessions === 0
        ? Promise.resolve([])
        : db.chatSession.findMany({
            // A chat still going on is shown live (the chat panel); its transcript joins the thread when it ends.
            where: { requestId: id, status: "ended" },
            select: {
              id: true,
              startedAt: true,
              endedAt: true,
              startedBy: { select: personSelect },
              messages: { select: { id: true, body: true, sentAt: true, author: { select: personSelect } }, orderBy: [{ sentAt: "asc" }, { id: "asc" }] },
            },
            orderBy: [{ startedAt: "asc" }, { id: "asc" }],
          }),
      db.requestEvent.findMany({
        where: { requestId: id, type: { in: ["status_changed", "priority_changed", "reopened", "merge_received"] } },
        select: { id: true, type: true, fromStatus: true, toStatus: true, fromPriority: true, toPriority: true, reason: true, commentId: true, data: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
      // The gate read every request merged into this one; only when there are any, which the viewer may open.
      !access.mergedFrom?.length
        ? Promise.resolve([])
        : db.request.findMany({
            where: { AND: [{ mergedIntoId: id }, openableRequestsWhere(visibleRequestsFilter(actor, now))] },
            select: { id: true, subject: true, ...requestAccessSelect },
            orderBy: { id: "asc" },
          }),
      canManageCcs
        ? db.user.findMany({
            where: { memberships: { some: { organizationId: row.organizationId } }, id: { notIn: [row.requesterId, ...ccIds] } },
            select: { ...personSelect, email: true, memberships: { select: { organizationId: true, isTechnicalContact: true, isAdmin: true } } },
            orderBy: [{ name: "asc" }, { id: "asc" }],
          })
        : Promise.resolve([]),
    ]);

    const visible = visibleComments(actor, access, comments, now);
    const visibleCommentIds = new Set(visible.map((comment) => comment.id));
    const descriptionFiles: AttachmentItem[] = [];
    const filesByComment = new Map<string, AttachmentItem[]>();
    for (const { commentId, ...file } of attachments) {
      if (commentId === null) descriptionFiles.push(file);
      // Only under a comment the domain lets this viewer read (defense in depth for the filter above).
      else if (visibleCommentIds.has(commentId)) filesByComment.set(commentId, [...(filesByComment.get(commentId) ?? []), file]);
    }
    const reopenedByComment = new Set<string>();
    const reopenedByChat = new Set<string>();
    const priorityHistory: PriorityChange[] = [];
    const statusChanges: ThreadEntry[] = [];
    // Whether the latest solve was the requester's own "Mark as solved".
    let solvedByRequester = false;
    const mergedFromVisible = mergedFrom.filter((source) => can(actor, "view_request", toRequestAccess(source), now));
    const visibleSources = new Map(mergedFromVisible.map((source) => [source.id, source]));
    for (const event of events) {
      if (event.type === "reopened") {
        if (event.commentId !== null && visibleCommentIds.has(event.commentId)) reopenedByComment.add(event.commentId);
        const chatSessionId = reopenedData.safeParse(event.data).data?.chatSessionId;
        if (chatSessionId) reopenedByChat.add(chatSessionId);
      } else if (event.type === "priority_changed" && event.fromPriority && event.toPriority) {
        priorityHistory.push({ at: event.createdAt, from: event.fromPriority, to: event.toPriority, reason: event.reason ?? "" });
      } else if (event.type === "merge_received") {
        const source = visibleSources.get(mergeReceivedData.safeParse(event.data).data?.requestId ?? NaN);
        if (source) statusChanges.push({ kind: "merge_received", id: event.id, at: event.createdAt, source: { id: source.id, subject: source.subject } });
      } else if (event.type === "status_changed" && event.toStatus) {
        const data = statusChangeData.safeParse(event.data).data;
        if (event.toStatus === "solved") solvedByRequester = data?.byRequester === true;
        statusChanges.push({
          kind: "status_change",
          id: event.id,
          at: event.createdAt,
          from: event.fromStatus,
          to: event.toStatus,
          holdReason: data?.holdReason ?? null,
          solvedReason: data?.solvedReason ?? null,
        });
      }
    }

    const thread: ThreadEntry[] = [
      ...visible.map(
        (comment): ThreadEntry => ({
          kind: "comment",
          id: comment.id,
          at: comment.createdAt,
          author: comment.author,
          body: comment.body,
          channel: comment.channel,
          internal: comment.visibility === "internal",
          reopened: reopenedByComment.has(comment.id),
          automaticReminder: comment.isReminder && comment.events.length > 0,
          attachments: filesByComment.get(comment.id) ?? [],
        }),
      ),
      ...chatSessions.map(
        (session): ThreadEntry => ({
          kind: "chat",
          id: session.id,
          at: session.startedAt,
          endedAt: session.endedAt,
          startedBy: session.startedBy,
          lines: session.messages.map((message) => ({ id: message.id, author: message.author, body: message.body, sentAt: message.sentAt })),
          reopened: reopenedByChat.has(session.id),
        }),
      ),
      ...statusChanges,
    ];
    // Time order; at the same instant the message comes before the status change it caused.
    thread.sort((a, b) => a.at.getTime() - b.at.getTime() || Number(a.kind === "status_change") - Number(b.kind === "status_change"));

    const state = toRequestState(row);
    // The requester's own verdict — marking it solved, rating the answer — is theirs alone (§4.1, §4.5).
    const isRequester = can(actor, "solve_as_requester", access, now);
    const { ratingWindowDays } = readSatisfactionConfig();
    const route = replyRoute(actor, access, now);
    const relations = relationsTo(actor, access, now);
    const readsThrough = route !== "none" ? null : relations.has("organization_viewer") ? "organization_access" : relations.has("merge_follower") ? "merge_link" : null;
    const page: RequestPage = {
      id: row.id,
      subject: row.subject,
      description: row.description,
      attachments: descriptionFiles,
      channel: row.channel,
      status: row.status,
      priority: row.priority,
      holdReason: state.holdReason,
      createdAt: row.createdAt,
      lastActivityAt: row.lastActivityAt,
      requester: row.requester,
      organization: row.organization,
      ccs: row.ccs.map((cc) => cc.user),
      priorityHistory,
      serviceLevel: serviceLevel(state, now, DEFAULT_SERVICE_LEVEL_POLICY),
      resolution:
        state.status === "solved" && state.solvedReason
          ? { reason: state.solvedReason, solvedAt: state.solvedAt, bugReport: state.bugReport, mergedInto: row.mergedInto, byRequester: solvedByRequester }
          : null,
      mergedFrom: mergedFromVisible.map((source) => ({ id: source.id, subject: source.subject })),
      thread,
      // A merged request takes no more messages (docs/product.md §4.3): the domain refuses a reply to it.
      canReply: route === "thread" && decide(state, { type: "customer_reply", at: now, authorId: actor.userId, channel: "web" }).ok,
      repliesFromAgentConsole: route === "agent_console",
      readsThrough,
      canManageCcs,
      ccCandidates: candidates
        .filter((candidate) => canBeCcd({ userId: candidate.id, memberships: candidate.memberships }, access))
        .map((candidate) => ({ id: candidate.id, name: candidate.name, isAgent: candidate.isAgent, email: candidate.email })),
      canMarkSolved: isRequester && decide(state, { type: "requester_solve", at: now, requesterId: actor.userId }).ok,
      rating: isRequester ? toRequestRating(row.satisfaction) : null,
      ratingOpenUntil: isRequester && canRate(state, now, ratingWindowDays) ? ratingOpenUntil(state, ratingWindowDays) : null,
      ratingForAgents: actor.isAgent ? { rating: toRequestRating(row.satisfaction), openUntil: ratingOpenUntil(state, ratingWindowDays), openNow: canRate(state, now, ratingWindowDays) } : null,
    };
    return { ok: true, page };
  },
});

// The event log's JSON, read back defensively: what the domain wrote (src/server/requests/event-rows.ts).
const holdReasonData = z.union([
  z.object({ code: z.enum(HOLD_REASONS) }),
  z.object({ code: z.literal("other"), text: z.string() }),
]);
const statusChangeData = z.object({ holdReason: holdReasonData.optional(), solvedReason: z.enum(SOLVED_REASONS).optional(), byRequester: z.boolean().optional() });
const reopenedData = z.object({ chatSessionId: z.string().optional() });
const mergeReceivedData = z.object({ requestId: z.number() });
