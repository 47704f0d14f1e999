// The words of the support workflow (docs/product.md §3–4). String unions that match the database enums
// by value; the data layer maps nothing, and the domain imports no database types.

export const REQUEST_STATUSES = ["open", "pending", "on_hold", "solved"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** What support still has to do: every status but Solved. The agent queue shows these unless asked otherwise. */
export const UNSOLVED_STATUSES = ["open", "pending", "on_hold"] as const satisfies readonly RequestStatus[];

export const PRIORITY_CODES = ["S1", "S2", "S3", "S4"] as const;
export type PriorityCode = (typeof PRIORITY_CODES)[number];

/**
 * How a message reaches support: the portal's pages, email, a live chat, or the API. Every use case
 * that writes a message is told its channel; the rules are the same for all (docs/product.md §5, §7).
 */
export const CHANNELS = ["web", "email", "chat", "api"] as const;
export type Channel = (typeof CHANNELS)[number];

export const SOLVED_REASONS = ["agreed", "bug_reported", "merged", "no_response"] as const;
export type SolvedReason = (typeof SOLVED_REASONS)[number];

/** The usual reasons a request waits on an internal team (docs/product.md §4, On-hold). */
export const HOLD_REASONS = ["reproducing_bug", "with_engineering", "waiting_for_account_team"] as const;
export type HoldReasonCode = (typeof HOLD_REASONS)[number];
/** One of the usual reasons, or an agent's own words. */
export type HoldReason = { code: HoldReasonCode } | { code: "other"; text: string };

/** Who owns the next step in each status, as translation keys (docs/product.md §4). */
export const STATUS_DEFINITIONS = {
  open: { labelKey: "status.open.label", meaningKey: "status.open.meaning", nextStepOwner: "support" },
  pending: { labelKey: "status.pending.label", meaningKey: "status.pending.meaning", nextStepOwner: "requester" },
  on_hold: { labelKey: "status.on_hold.label", meaningKey: "status.on_hold.meaning", nextStepOwner: "internal_team" },
  solved: { labelKey: "status.solved.label", meaningKey: "status.solved.meaning", nextStepOwner: "nobody" },
} as const satisfies Record<RequestStatus, { labelKey: string; meaningKey: string; nextStepOwner: string }>;

/** S1–S4 with their stable codes; names and definitions are translation keys (docs/product.md §3). */
export const PRIORITY_DEFINITIONS = {
  S1: { rank: 1, labelKey: "priority.S1.label", definitionKey: "priority.S1.definition" },
  S2: { rank: 2, labelKey: "priority.S2.label", definitionKey: "priority.S2.definition" },
  S3: { rank: 3, labelKey: "priority.S3.label", definitionKey: "priority.S3.definition" },
  S4: { rank: 4, labelKey: "priority.S4.label", definitionKey: "priority.S4.definition" },
} as const satisfies Record<PriorityCode, { rank: number; labelKey: string; definitionKey: string }>;

export const SOLVED_REASON_DEFINITIONS = {
  agreed: { labelKey: "solvedReason.agreed.label" },
  bug_reported: { labelKey: "solvedReason.bug_reported.label" },
  merged: { labelKey: "solvedReason.merged.label" },
  no_response: { labelKey: "solvedReason.no_response.label" },
} as const satisfies Record<SolvedReason, { labelKey: string }>;

export const HOLD_REASON_DEFINITIONS = {
  reproducing_bug: { labelKey: "holdReason.reproducing_bug.label" },
  with_engineering: { labelKey: "holdReason.with_engineering.label" },
  waiting_for_account_team: { labelKey: "holdReason.waiting_for_account_team.label" },
} as const satisfies Record<HoldReasonCode, { labelKey: string }>;

export function isRequestStatus(value: string): value is RequestStatus {
  return (REQUEST_STATUSES as readonly string[]).includes(value);
}

export function isPriorityCode(value: string): value is PriorityCode {
  return (PRIORITY_CODES as readonly string[]).includes(value);
}
