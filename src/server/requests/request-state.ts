import { HOLD_REASONS, type HoldReason, type RequestState } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";

// Between a Request row and the domain's RequestState: the only place that knows both shapes.

export const requestStateSelect = {
  id: true,
  organizationId: true,
  requesterId: true,
  channel: true,
  status: true,
  priority: true,
  createdAt: true,
  lastActivityAt: true,
  firstAgentReplyAt: true,
  lastAgentReplyAt: true,
  lastCustomerMessageAt: true,
  onHoldReason: true,
  solvedAt: true,
  solvedReason: true,
  mergedIntoId: true,
  bugReference: true,
  bugPriority: true,
  bugEta: true,
  reminderCount: true,
  lastReminderAt: true,
  version: true,
  // Not workflow state, but what a change may need to know besides it (who signs a reminder).
  assigneeId: true,
} as const satisfies Prisma.RequestSelect;

export type RequestStateRow = Prisma.RequestGetPayload<{ select: typeof requestStateSelect }>;

export function holdReasonFromText(text: string | null): HoldReason | null {
  if (text === null) return null;
  return (HOLD_REASONS as readonly string[]).includes(text) ? { code: text as (typeof HOLD_REASONS)[number] } : { code: "other", text };
}

export function holdReasonToText(reason: HoldReason | null): string | null {
  if (reason === null) return null;
  return reason.code === "other" ? reason.text : reason.code;
}

export function toRequestState(row: RequestStateRow): RequestState {
  return {
    id: row.id,
    organizationId: row.organizationId,
    requesterId: row.requesterId,
    channel: row.channel,
    status: row.status,
    priority: row.priority,
    createdAt: row.createdAt,
    lastActivityAt: row.lastActivityAt,
    firstAgentReplyAt: row.firstAgentReplyAt,
    lastAgentReplyAt: row.lastAgentReplyAt,
    lastCustomerMessageAt: row.lastCustomerMessageAt,
    holdReason: holdReasonFromText(row.onHoldReason),
    solvedAt: row.solvedAt,
    solvedReason: row.solvedReason,
    mergedIntoId: row.mergedIntoId,
    bugReport:
      row.bugReference && row.bugPriority && row.bugEta
        ? { reference: row.bugReference, agreedPriority: row.bugPriority, estimatedResolutionAt: row.bugEta }
        : null,
    reminderCount: row.reminderCount,
    lastReminderAt: row.lastReminderAt,
  };
}

/** The columns a new state writes, with the service-level due time the domain computed. */
export function requestStateData(state: RequestState, responseDueAt: Date | null) {
  return {
    status: state.status,
    priority: state.priority,
    lastActivityAt: state.lastActivityAt,
    firstAgentReplyAt: state.firstAgentReplyAt,
    lastAgentReplyAt: state.lastAgentReplyAt,
    lastCustomerMessageAt: state.lastCustomerMessageAt,
    onHoldReason: holdReasonToText(state.holdReason),
    solvedAt: state.solvedAt,
    solvedReason: state.solvedReason,
    mergedIntoId: state.mergedIntoId,
    bugReference: state.bugReport?.reference ?? null,
    bugPriority: state.bugReport?.agreedPriority ?? null,
    bugEta: state.bugReport?.estimatedResolutionAt ?? null,
    reminderCount: state.reminderCount,
    lastReminderAt: state.lastReminderAt,
    responseDueAt,
  } satisfies Prisma.RequestUncheckedUpdateInput;
}
