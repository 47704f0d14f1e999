import type { Channel, HoldReason, PriorityCode, RequestStatus, SolvedReason } from "./vocabulary";

/** What the workflow rules need to know about one request. Folding its events yields it. */
export interface RequestState {
  id: number;
  organizationId: string;
  requesterId: string;
  channel: Channel;
  status: RequestStatus;
  priority: PriorityCode;
  createdAt: Date;
  lastActivityAt: Date;
  /** First public reply by support; null until support has answered. */
  firstAgentReplyAt: Date | null;
  /** Latest public reply by support (reminders included). */
  lastAgentReplyAt: Date | null;
  /** Latest message from the requester or a CC: the request itself, a reply, a chat. */
  lastCustomerMessageAt: Date;
  holdReason: HoldReason | null;
  solvedAt: Date | null;
  solvedReason: SolvedReason | null;
  mergedIntoId: number | null;
  bugReport: BugReport | null;
  /** Reminders sent since the requester last heard from support in substance. */
  reminderCount: number;
  lastReminderAt: Date | null;
}

/** Recorded when a request is solved as "bug reported" (docs/product.md §4.2). */
export interface BugReport {
  reference: string;
  agreedPriority: PriorityCode;
  estimatedResolutionAt: Date;
}

export interface NewRequest {
  id: number;
  organizationId: string;
  requesterId: string;
  channel: Channel;
  priority: PriorityCode;
  at: Date;
}

export function newRequestState(input: NewRequest): RequestState {
  return {
    id: input.id,
    organizationId: input.organizationId,
    requesterId: input.requesterId,
    channel: input.channel,
    status: "open",
    priority: input.priority,
    createdAt: input.at,
    lastActivityAt: input.at,
    firstAgentReplyAt: null,
    lastAgentReplyAt: null,
    lastCustomerMessageAt: input.at,
    holdReason: null,
    solvedAt: null,
    solvedReason: null,
    mergedIntoId: null,
    bugReport: null,
    reminderCount: 0,
    lastReminderAt: null,
  };
}
