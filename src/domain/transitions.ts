import { DAY } from "./clock";
import { refuse, type Refusal } from "./refusal";
import { newRequestState, type BugReport, type NewRequest, type RequestState } from "./request-state";
import { isNoResponseDue, type ReminderPolicy } from "./reminders";
import type { Channel, HoldReason, PriorityCode, RequestStatus, SolvedReason } from "./vocabulary";
import { HOLD_REASONS, isPriorityCode } from "./vocabulary";

// The request workflow of docs/product.md §3–5 as one function: decide(state, command) returns the next
// state and the events to record, or a refusal a person can read. Nothing else changes a status.

export const MAX_REASON_LENGTH = 500;
export const MAX_BUG_REFERENCE_LENGTH = 100;

/** The statuses an agent may choose for a request in the same step as a public reply. */
export const STATUSES_AFTER_AGENT_REPLY = ["pending", "open", "on_hold", "solved"] as const satisfies readonly RequestStatus[];

/**
 * The ways of solving a request an agent chooses directly; a request is solved as merged by merging
 * it, and for no response only by the reminder policy (docs/product.md §4).
 */
export const SOLVED_REASONS_AGENTS_CHOOSE = ["agreed", "bug_reported"] as const satisfies readonly SolvedReason[];

/** The agent's choice of status when replying (docs/product.md §4: Pending unless they say otherwise). */
export type StatusAfterReply =
  | { status: "pending" }
  | { status: "open" }
  | { status: "on_hold"; reason: HoldReason }
  | { status: "solved"; resolution: Resolution };

/** How an agent solves a request. Only `SOLVED_REASONS_AGENTS_CHOOSE` may be chosen directly. */
export interface Resolution {
  reason: SolvedReason;
  bugReference?: string;
  agreedPriority?: string;
  estimatedResolutionAt?: Date;
}

/** What a merge needs to know about its target. */
export interface MergeTarget {
  id: number;
  organizationId: string;
  mergedIntoId: number | null;
}

export type RequestCommand =
  | { type: "agent_reply"; at: Date; agentId: string; then?: StatusAfterReply }
  | { type: "hold"; at: Date; agentId: string; reason: HoldReason }
  | { type: "solve"; at: Date; agentId: string; resolution: Resolution }
  | { type: "customer_reply"; at: Date; authorId: string; channel: Channel }
  | { type: "requester_solve"; at: Date; requesterId: string }
  /** An agent moves a request to Open or Pending with no message (the queue's bulk "Set status…"). */
  | { type: "set_status"; at: Date; agentId: string; status: StatusWithoutReason }
  | { type: "chat_started"; at: Date; customerId: string; chatSessionId: string }
  | { type: "merge"; at: Date; agentId: string; target: MergeTarget; mergedIntoThis: readonly number[] }
  | { type: "reclassify"; at: Date; agentId: string; priority: string; reason: string }
  | { type: "send_reminder"; at: Date; agentId: string | null }
  | { type: "solve_no_response"; at: Date; policy: ReminderPolicy };

interface RecordBase {
  requestId: number;
  /** Null when the automation acted. */
  actorId: string | null;
  at: Date;
}

/** An entry for the request's event log. */
export type EventRecord =
  | (RecordBase & { type: "created"; channel: Channel; status: RequestStatus; priority: PriorityCode })
  | (RecordBase & {
      type: "status_changed";
      from: RequestStatus;
      to: RequestStatus;
      /** True when a public reply caused the change; the caller links that comment. */
      byComment: boolean;
      reason?: string;
      data?: StatusChangeData;
    })
  | (RecordBase & { type: "priority_changed"; from: PriorityCode; to: PriorityCode; reason: string })
  | (RecordBase & { type: "reopened"; via: Channel; byComment: boolean; chatSessionId?: string })
  | (RecordBase & { type: "merged_into"; targetId: number; previousTargetId?: number })
  | (RecordBase & { type: "merge_received"; sourceId: number })
  | (RecordBase & { type: "reminder_sent"; reminderCount: number });

export interface StatusChangeData {
  solvedReason?: SolvedReason;
  mergedIntoId?: number;
  bugReference?: string;
  bugPriority?: PriorityCode;
  bugEta?: string;
  holdReason?: HoldReason;
  /** The requester solved it themselves ("Mark as solved"). */
  byRequester?: boolean;
}

/** Another request that changes with this one: requests merged into a request follow it when it is merged. */
export interface RelatedChange {
  requestId: number;
  mergedIntoId: number;
}

export type RefusalCode =
  | "already_in_status"
  | "already_solved"
  | "merged_request_is_closed"
  | "reason_required"
  | "reason_too_long"
  | "unknown_hold_reason"
  | "merged_needs_target"
  | "no_response_only_by_policy"
  | "unknown_solved_reason"
  | "bug_reference_required"
  | "bug_priority_required"
  | "bug_eta_required"
  | "bug_eta_in_past"
  | "merge_into_self"
  | "already_merged"
  | "merge_across_organizations"
  | "merge_target_is_merged"
  | "unknown_priority"
  | "same_priority"
  | "reminder_needs_pending"
  | "requester_solve_needs_open_or_pending"
  | "no_response_not_due";

export type Decision =
  | { ok: true; state: RequestState; records: EventRecord[]; related: RelatedChange[] }
  | { ok: false; refusal: Refusal<RefusalCode> };

/** A request comes in by the web, email or chat (docs/product.md §4: Open, "just opened"). */
export function openRequest(input: NewRequest): { state: RequestState; records: EventRecord[] } {
  const state = newRequestState(input);
  return {
    state,
    records: [{ type: "created", requestId: input.id, actorId: input.requesterId, at: input.at, channel: input.channel, status: state.status, priority: state.priority }],
  };
}

export function decide(state: RequestState, command: RequestCommand): Decision {
  switch (command.type) {
    case "agent_reply":
      return agentReply(state, command);
    case "hold":
      return hold(state, command.at, command.agentId, command.reason, false);
    case "solve":
      return solve(state, command.at, command.agentId, command.resolution, false);
    case "customer_reply":
      return customerMessage(state, command.at, command.authorId, command.channel, true);
    case "requester_solve":
      return requesterSolve(state, command.at, command.requesterId);
    case "set_status":
      return setStatus(state, command.at, command.agentId, command.status);
    case "chat_started":
      return customerMessage(state, command.at, command.customerId, "chat", false, command.chatSessionId);
    case "merge":
      return merge(state, command);
    case "reclassify":
      return reclassify(state, command);
    case "send_reminder":
      return sendReminder(state, command.at, command.agentId);
    case "solve_no_response":
      return solveNoResponse(state, command.at, command.policy);
  }
}

const isMerged = (state: RequestState) => state.solvedReason === "merged";

function touched(state: RequestState, at: Date): RequestState {
  return { ...state, lastActivityAt: at > state.lastActivityAt ? at : state.lastActivityAt };
}

/** Enters a status, leaving every status-specific field behind; the caller sets those of the new one. */
function withStatus(state: RequestState, status: RequestStatus): RequestState {
  return { ...state, status, holdReason: null, solvedAt: null, solvedReason: null, mergedIntoId: null, bugReport: null };
}

function statusChange(
  before: RequestState,
  after: RequestState,
  at: Date,
  actorId: string | null,
  byComment: boolean,
  data?: StatusChangeData,
): EventRecord[] {
  if (before.status === after.status && data === undefined) return [];
  return [{ type: "status_changed", requestId: before.id, actorId, at, from: before.status, to: after.status, byComment, ...(data ? { data } : {}) }];
}

function mergedClosed(state: RequestState) {
  return refuse(
    "merged_request_is_closed",
    `This request was merged into #${state.mergedIntoId}; the conversation continues there.`,
  );
}

function agentReply(state: RequestState, command: Extract<RequestCommand, { type: "agent_reply" }>): Decision {
  const { at, agentId } = command;
  if (isMerged(state) && command.then) return mergedClosed(state);
  // A reply on a Solved request (a closing word) leaves it Solved unless the agent says otherwise.
  const then = command.then ?? (state.status === "solved" ? undefined : { status: "pending" as const });
  const replied: RequestState = {
    ...touched(state, at),
    firstAgentReplyAt: state.firstAgentReplyAt ?? at,
    lastAgentReplyAt: at,
    // A reply in substance starts a new wait for the requester: reminders count from here. A closing
    // word starts no wait, and a request solved for no response keeps the reminders that led to it.
    ...(then ? { reminderCount: 0, lastReminderAt: null } : {}),
  };
  if (!then || (then.status === state.status && then.status !== "on_hold" && then.status !== "solved")) {
    return { ok: true, state: replied, records: [], related: [] };
  }
  if (then.status === "on_hold") return hold(replied, at, agentId, then.reason, true, state);
  if (then.status === "solved") return solve(replied, at, agentId, then.resolution, true, state);
  const next = withStatus(replied, then.status);
  return { ok: true, state: next, records: statusChange(state, next, at, agentId, true), related: [] };
}

function validHoldReason(reason: HoldReason): { ok: true; reason: HoldReason } | { ok: false; refusal: Refusal<RefusalCode> } {
  if (reason.code === "other") {
    const text = reason.text.trim();
    if (!text) return refuse("reason_required", "Say why the request is on hold.");
    if (text.length > MAX_REASON_LENGTH) return refuse("reason_too_long", `Keep the reason under ${MAX_REASON_LENGTH} characters.`);
    return { ok: true, reason: { code: "other", text } };
  }
  if (!(HOLD_REASONS as readonly string[]).includes(reason.code)) {
    return refuse("unknown_hold_reason", "Choose one of the listed reasons, or describe another.");
  }
  return { ok: true, reason };
}

function sameHoldReason(a: HoldReason | null, b: HoldReason) {
  return a !== null && a.code === b.code && (a.code !== "other" || (b.code === "other" && a.text === b.text));
}

function hold(state: RequestState, at: Date, agentId: string, reason: HoldReason, byComment: boolean, before = state): Decision {
  if (isMerged(state)) return mergedClosed(state);
  const valid = validHoldReason(reason);
  if (!valid.ok) return valid;
  if (state.status === "on_hold" && sameHoldReason(state.holdReason, valid.reason)) {
    if (byComment) return { ok: true, state, records: [], related: [] };
    return refuse("already_in_status", "The request is already on hold for this reason.");
  }
  const next = { ...withStatus(touched(state, at), "on_hold"), holdReason: valid.reason };
  return { ok: true, state: next, records: statusChange(before, next, at, agentId, byComment, { holdReason: valid.reason }), related: [] };
}

function validResolution(resolution: Resolution, at: Date): { ok: true; bugReport: BugReport | null } | { ok: false; refusal: Refusal<RefusalCode> } {
  switch (resolution.reason) {
    case "agreed":
      return { ok: true, bugReport: null };
    case "bug_reported": {
      const reference = resolution.bugReference?.trim() ?? "";
      if (!reference) return refuse("bug_reference_required", "Give the reference of the bug reported to engineering.");
      if (reference.length > MAX_BUG_REFERENCE_LENGTH) return refuse("reason_too_long", `Keep the bug reference under ${MAX_BUG_REFERENCE_LENGTH} characters.`);
      if (!resolution.agreedPriority || !isPriorityCode(resolution.agreedPriority)) {
        return refuse("bug_priority_required", "Give the bug's priority agreed with the requester (S1–S4).");
      }
      const eta = resolution.estimatedResolutionAt;
      if (!eta || Number.isNaN(eta.getTime())) return refuse("bug_eta_required", "Give the estimated resolution date agreed with the requester.");
      // A day's slack: the date is the end of a day in UTC, and "today" somewhere may be yesterday there.
      if (eta.getTime() < at.getTime() - DAY) return refuse("bug_eta_in_past", "The estimated resolution date is in the past.");
      return { ok: true, bugReport: { reference, agreedPriority: resolution.agreedPriority, estimatedResolutionAt: eta } };
    }
    case "merged":
      return refuse("merged_needs_target", "To solve a request as merged, merge it into another request.");
    case "no_response":
      return refuse("no_response_only_by_policy", "A request is solved for no response only by the reminder policy, after at least one reminder.");
    default:
      return refuse("unknown_solved_reason", "Choose how the request was solved: agreed or bug reported.");
  }
}

function solve(state: RequestState, at: Date, agentId: string, resolution: Resolution, byComment: boolean, before = state): Decision {
  if (isMerged(state)) return mergedClosed(state);
  const valid = validResolution(resolution, at);
  if (!valid.ok) return valid;
  if (state.status === "solved" && state.solvedReason === resolution.reason && sameBugReport(state.bugReport, valid.bugReport)) {
    if (byComment) return { ok: true, state, records: [], related: [] };
    return refuse("already_solved", "The request is already solved this way.");
  }
  const next: RequestState = {
    ...withStatus(touched(state, at), "solved"),
    solvedAt: at,
    solvedReason: resolution.reason,
    bugReport: valid.bugReport,
  };
  const data: StatusChangeData = { solvedReason: resolution.reason };
  if (valid.bugReport) {
    data.bugReference = valid.bugReport.reference;
    data.bugPriority = valid.bugReport.agreedPriority;
    data.bugEta = valid.bugReport.estimatedResolutionAt.toISOString();
  }
  return { ok: true, state: next, records: statusChange(before, next, at, agentId, byComment, data), related: [] };
}

function sameBugReport(a: BugReport | null, b: BugReport | null) {
  if (a === null || b === null) return a === b;
  return a.reference === b.reference && a.agreedPriority === b.agreedPriority && a.estimatedResolutionAt.getTime() === b.estimatedResolutionAt.getTime();
}

/**
 * One rule for every channel (docs/product.md §5): a reply or a new chat from the requester or a CC makes
 * any request Open, and a Solved one records that it was reopened. A merged request takes no more
 * messages — its conversation continues on its target (§4.3) — so a reply never silently undoes a merge.
 */
function customerMessage(state: RequestState, at: Date, actorId: string, via: Channel, byComment: boolean, chatSessionId?: string): Decision {
  if (isMerged(state)) return mergedClosed(state);
  const next: RequestState = {
    ...withStatus(touched(state, at), "open"),
    lastCustomerMessageAt: at,
    reminderCount: 0,
    lastReminderAt: null,
  };
  const records = statusChange(state, next, at, actorId, byComment);
  if (state.status === "solved") {
    records.push({
      type: "reopened",
      requestId: state.id,
      actorId,
      at,
      via,
      byComment,
      ...(chatSessionId ? { chatSessionId } : {}),
    });
  }
  return { ok: true, state: next, records, related: [] };
}

/**
 * The requester closes the loop (docs/product.md §4.1): "Mark as solved" on an Open or Pending request
 * solves it as agreed, recorded as theirs. On hold, support is waiting on something else; a Solved or
 * merged request has nothing left to solve.
 */
function requesterSolve(state: RequestState, at: Date, requesterId: string): Decision {
  if (isMerged(state)) return mergedClosed(state);
  if (state.status !== "open" && state.status !== "pending") {
    return refuse("requester_solve_needs_open_or_pending", "Only an Open or Pending request can be marked as solved.");
  }
  const next: RequestState = { ...withStatus(touched(state, at), "solved"), solvedAt: at, solvedReason: "agreed" };
  return { ok: true, state: next, records: statusChange(state, next, at, requesterId, false, { solvedReason: "agreed", byRequester: true }), related: [] };
}

/**
 * The statuses an agent may set with nothing more to say: On-hold needs a reason and Solved a
 * resolution, which only the request's own page asks for.
 */
export const STATUSES_WITHOUT_REASON = ["open", "pending"] as const;
export type StatusWithoutReason = (typeof STATUSES_WITHOUT_REASON)[number];

/**
 * An agent sets Open or Pending without replying, as a reply's status choice would (a Solved request
 * set Open is reopened by the agent). A merged request stays closed; the same status is refused, so a
 * bulk change tells which requests it did not change.
 */
function setStatus(state: RequestState, at: Date, agentId: string, status: StatusWithoutReason): Decision {
  if (isMerged(state)) return mergedClosed(state);
  if (state.status === status) return refuse("already_in_status", "The request already has this status.");
  const next = withStatus(touched(state, at), status);
  return { ok: true, state: next, records: statusChange(state, next, at, agentId, false), related: [] };
}

function merge(state: RequestState, command: Extract<RequestCommand, { type: "merge" }>): Decision {
  const { at, agentId, target } = command;
  if (target.id === state.id) return refuse("merge_into_self", "A request cannot be merged into itself.");
  if (isMerged(state)) return refuse("already_merged", `This request was already merged into #${state.mergedIntoId}.`);
  if (target.organizationId !== state.organizationId) {
    return refuse("merge_across_organizations", "Only requests of the same organization can be merged.");
  }
  if (target.mergedIntoId !== null) {
    return refuse("merge_target_is_merged", `#${target.id} was itself merged into #${target.mergedIntoId}; merge into #${target.mergedIntoId} instead.`);
  }
  const next: RequestState = {
    ...withStatus(touched(state, at), "solved"),
    solvedAt: at,
    solvedReason: "merged",
    mergedIntoId: target.id,
  };
  const records: EventRecord[] = [
    ...statusChange(state, next, at, agentId, false, { solvedReason: "merged", mergedIntoId: target.id }),
    { type: "merged_into", requestId: state.id, actorId: agentId, at, targetId: target.id },
    { type: "merge_received", requestId: target.id, actorId: agentId, at, sourceId: state.id },
  ];
  // Requests merged into this one follow it, so no merge ever points at a merged request.
  const related = command.mergedIntoThis.filter((id) => id !== target.id).map((id) => ({ requestId: id, mergedIntoId: target.id }));
  for (const { requestId } of related) {
    records.push(
      { type: "merged_into", requestId, actorId: agentId, at, targetId: target.id, previousTargetId: state.id },
      { type: "merge_received", requestId: target.id, actorId: agentId, at, sourceId: requestId },
    );
  }
  return { ok: true, state: next, records, related };
}

function reclassify(state: RequestState, command: Extract<RequestCommand, { type: "reclassify" }>): Decision {
  const { at, agentId, priority } = command;
  if (!isPriorityCode(priority)) return refuse("unknown_priority", "Choose a priority from S1 to S4.");
  if (priority === state.priority) return refuse("same_priority", `The request is already ${priority}.`);
  const reason = command.reason.trim();
  if (!reason) return refuse("reason_required", "Say why the priority changes: the impact it now has.");
  if (reason.length > MAX_REASON_LENGTH) return refuse("reason_too_long", `Keep the reason under ${MAX_REASON_LENGTH} characters.`);
  return {
    ok: true,
    state: { ...touched(state, at), priority },
    records: [{ type: "priority_changed", requestId: state.id, actorId: agentId, at, from: state.priority, to: priority, reason }],
    related: [],
  };
}

function sendReminder(state: RequestState, at: Date, agentId: string | null): Decision {
  if (state.status !== "pending") return refuse("reminder_needs_pending", "Reminders go only to requests waiting for the requester (Pending).");
  const reminderCount = state.reminderCount + 1;
  return {
    ok: true,
    state: { ...touched(state, at), lastAgentReplyAt: at, reminderCount, lastReminderAt: at },
    records: [{ type: "reminder_sent", requestId: state.id, actorId: agentId, at, reminderCount }],
    related: [],
  };
}

function solveNoResponse(state: RequestState, at: Date, policy: ReminderPolicy): Decision {
  if (!isNoResponseDue(state, at, policy)) {
    return refuse("no_response_not_due", "The request is not due to be solved for no response: it needs Pending, the reminders sent and the waiting time passed.");
  }
  const next: RequestState = { ...withStatus(touched(state, at), "solved"), solvedAt: at, solvedReason: "no_response" };
  return { ok: true, state: next, records: statusChange(state, next, at, null, false, { solvedReason: "no_response" }), related: [] };
}
