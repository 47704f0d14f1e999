import type { EventRecord } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";

/** The event-log row for one of the domain's records. `commentId` is the public reply that caused it, if any. */
export function eventFields(
  record: EventRecord,
  commentId: string | null,
): Omit<Prisma.RequestEventCreateManyInput, "id" | "requestId" | "actorId" | "createdAt"> {
  switch (record.type) {
    case "created":
      return { type: "created", toStatus: record.status, toPriority: record.priority, data: { channel: record.channel } };
    case "status_changed":
      return {
        type: "status_changed",
        fromStatus: record.from,
        toStatus: record.to,
        reason: record.reason ?? null,
        commentId: record.byComment ? commentId : null,
        ...(record.data ? { data: { ...record.data } } : {}),
      };
    case "priority_changed":
      return { type: "priority_changed", fromPriority: record.from, toPriority: record.to, reason: record.reason };
    case "reopened":
      return {
        type: "reopened",
        commentId: record.byComment ? commentId : null,
        data: {
          via: record.via,
          ...(record.chatSessionId !== undefined ? { chatSessionId: record.chatSessionId } : {}),
        },
      };
    case "merged_into":
      return {
        type: "merged_into",
        data: { requestId: record.targetId, ...(record.previousTargetId !== undefined ? { previousTargetId: record.previousTargetId } : {}) },
      };
    case "merge_received":
      return { type: "merge_received", data: { requestId: record.sourceId } };
    case "reminder_sent":
      return { type: "reminder_sent", commentId, data: { reminderCount: record.reminderCount } };
  }
}

export function eventRow(record: EventRecord, commentId: string | null): Prisma.RequestEventCreateManyInput {
  return { requestId: record.requestId, actorId: record.actorId, createdAt: record.at, ...eventFields(record, commentId) };
}
