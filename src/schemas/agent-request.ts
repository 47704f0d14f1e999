import { z } from "zod";
import { HOLD_REASONS, STATUSES_AFTER_AGENT_REPLY, type HoldReason, type Resolution, type StatusAfterReply } from "@/domain";
import { attachmentIdsSchema as attachmentIds } from "./attachment-ids";
import { requestIdSchema } from "./request-id";
import { MAX_REPLY_LENGTH, messageBodySchema as body } from "./request-reply";
import { submissionKeySchema as submissionKey } from "./submission-key";

// The agent console's inputs on one request (docs/product.md §4). Shapes only: whether a reason, a bug
// reference or a date is acceptable is the domain's rule, and its refusal codes reach the form.
/** An empty form field is a field left out. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** A hold reason from the form: one of the listed codes, or "other" with the agent's own words. */
const holdReasonFields = {
  holdReason: z.string().optional(),
  holdReasonText: z.string().optional(),
};

/** How the request was solved, from the form; the domain checks what each reason needs. */
const resolutionFields = {
  solvedReason: z.string().optional(),
  bugReference: optionalText,
  bugPriority: optionalText,
  /** A calendar date (YYYY-MM-DD), taken as the end of that day in UTC so "today" is not in the past. */
  bugEta: optionalText,
};

export const agentReplySchema = z.object({
  requestId: requestIdSchema,
  body,
  attachmentIds,
  submissionKey,
  then: z.enum(STATUSES_AFTER_AGENT_REPLY).default("pending"),
  ...holdReasonFields,
  ...resolutionFields,
});

export const internalNoteSchema = z.object({ requestId: requestIdSchema, body, attachmentIds, submissionKey });

export const holdRequestSchema = z.object({ requestId: requestIdSchema, ...holdReasonFields });

export const solveRequestSchema = z.object({ requestId: requestIdSchema, ...resolutionFields });

/** A public comment the merge may leave on a request; empty is none. */
const mergeComment = z
  .string()
  .trim()
  .max(MAX_REPLY_LENGTH)
  .optional()
  .transform((value) => value || undefined);

/** The merge, with an optional public comment on each request (docs/product.md §4.3); the key makes a resent form merge once. */
export const mergeRequestSchema = z.object({
  requestId: requestIdSchema,
  targetId: requestIdSchema,
  commentOnMerged: mergeComment,
  commentOnTarget: mergeComment,
  submissionKey: submissionKey.optional(),
});

export const reclassifyRequestSchema = z.object({ requestId: requestIdSchema, priority: z.string(), reason: z.string() });

export const sendReminderSchema = z.object({ requestId: requestIdSchema, body, submissionKey });

/** The assignee: a user id, "me" for the agent assigning, or empty for nobody. */
export const assignRequestSchema = z.object({
  requestId: requestIdSchema,
  assigneeId: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : null)),
});

export type AgentReplyInput = z.input<typeof agentReplySchema>;
export type InternalNoteInput = z.input<typeof internalNoteSchema>;
export type HoldRequestInput = z.input<typeof holdRequestSchema>;
export type SolveRequestInput = z.input<typeof solveRequestSchema>;
export type MergeRequestInput = z.input<typeof mergeRequestSchema>;
export type ReclassifyRequestInput = z.input<typeof reclassifyRequestSchema>;
export type SendReminderInput = z.input<typeof sendReminderSchema>;
export type AssignRequestInput = z.input<typeof assignRequestSchema>;

/** The form's hold reason as the domain's; an unknown code goes through for the domain to refuse. */
export function toHoldReason(fields: { holdReason?: string | undefined; holdReasonText?: string | undefined }): HoldReason {
  const code = fields.holdReason ?? "";
  if ((HOLD_REASONS as readonly string[]).includes(code)) return { code: code as (typeof HOLD_REASONS)[number] };
  if (code === "other") return { code: "other", text: fields.holdReasonText ?? "" };
  return { code: code as (typeof HOLD_REASONS)[number] };
}

export function toResolution(fields: { solvedReason?: string | undefined; bugReference?: string | undefined; bugPriority?: string | undefined; bugEta?: string | undefined }): Resolution {
  const eta = fields.bugEta && /^\d{4}-\d{2}-\d{2}$/.test(fields.bugEta) ? new Date(`${fields.bugEta}T23:59:59.999Z`) : undefined;
  return {
    reason: (fields.solvedReason ?? "") as Resolution["reason"],
    ...(fields.bugReference !== undefined ? { bugReference: fields.bugReference } : {}),
    ...(fields.bugPriority !== undefined ? { agreedPriority: fields.bugPriority } : {}),
    ...(eta && !Number.isNaN(eta.getTime()) ? { estimatedResolutionAt: eta } : {}),
  };
}

export function toStatusAfterReply(input: z.output<typeof agentReplySchema>): StatusAfterReply {
  switch (input.then) {
    case "pending":
    case "open":
      return { status: input.then };
    case "on_hold":
      return { status: "on_hold", reason: toHoldReason(input) };
    case "solved":
      return { status: "solved", resolution: toResolution(input) };
  }
}
