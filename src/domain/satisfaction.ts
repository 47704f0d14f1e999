import { DAY } from "./clock";
import { refuse, type Refusal } from "./refusal";
import type { RequestState } from "./request-state";

// The requester's satisfaction rating (docs/product.md §4.5): once a request is Solved, its requester
// says whether support's answer was good or bad, with an optional comment, and may change their mind
// for a number of days after the solve. A merged request is rated where its conversation continued.

export const SATISFACTION_SCORES = ["good", "bad"] as const;
export type SatisfactionScore = (typeof SATISFACTION_SCORES)[number];

export const MAX_RATING_COMMENT_LENGTH = 2000;
export const DEFAULT_RATING_WINDOW_DAYS = 14;

export interface Rating {
  score: SatisfactionScore;
  comment: string | null;
}

export type RatingRefusalCode = "rating_needs_solved" | "rating_merged" | "rating_window_closed" | "rating_comment_too_long" | "unknown_score";

type RatingState = Pick<RequestState, "status" | "solvedAt" | "solvedReason" | "mergedIntoId">;

/** Until when the requester may rate (or change their rating of) a Solved request; null when it cannot be rated. */
export function ratingOpenUntil(state: RatingState, windowDays = DEFAULT_RATING_WINDOW_DAYS): Date | null {
  if (state.status !== "solved" || state.solvedAt === null || state.solvedReason === "merged") return null;
  return new Date(state.solvedAt.getTime() + windowDays * DAY);
}

export function canRate(state: RatingState, now: Date, windowDays = DEFAULT_RATING_WINDOW_DAYS): boolean {
  const until = ratingOpenUntil(state, windowDays);
  return until !== null && now.getTime() <= until.getTime();
}

/** Checks a rating given at `now`; returns it cleaned (a blank comment is no comment). */
export function checkRating(
  state: RatingState,
  rating: { score: string; comment?: string | null },
  now: Date,
  windowDays = DEFAULT_RATING_WINDOW_DAYS,
): { ok: true; rating: Rating } | { ok: false; refusal: Refusal<RatingRefusalCode> } {
  if (state.solvedReason === "merged") {
    return refuse("rating_merged", `This request was merged into #${state.mergedIntoId}; rate the answer there.`);
  }
  if (state.status !== "solved") return refuse("rating_needs_solved", "A request can be rated once it is solved.");
  if (!canRate(state, now, windowDays)) {
    return refuse("rating_window_closed", `Ratings can be given or changed for ${windowDays} days after a request is solved.`);
  }
  if (!(SATISFACTION_SCORES as readonly string[]).includes(rating.score)) return refuse("unknown_score", "Choose good or bad.");
  const comment = rating.comment?.trim() || null;
  if (comment !== null && comment.length > MAX_RATING_COMMENT_LENGTH) {
    return refuse("rating_comment_too_long", `Keep the comment under ${MAX_RATING_COMMENT_LENGTH} characters.`);
  }
  return { ok: true, rating: { score: rating.score as SatisfactionScore, comment } };
}

/** The queue's figure: the share of good ratings, as a whole percentage; null when nobody rated. */
export function satisfactionPercent(good: number, bad: number): number | null {
  const total = good + bad;
  return total === 0 ? null : Math.round((good / total) * 100);
}
