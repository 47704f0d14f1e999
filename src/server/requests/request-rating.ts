import "server-only";
import type { SatisfactionScore } from "@/domain";

// The requester's rating of one request (docs/product.md §4.5): the score, the comment, who gave it
// and when. The request page reads it through the gate (src/server/requests/get-request-page.ts): the
// requester sees their own, agents see it with until when it may still change.

export interface RequestRating {
  score: SatisfactionScore;
  comment: string | null;
  raterName: string;
  ratedAt: Date;
  updatedAt: Date;
}

export interface RequestRatingSummary {
  rating: RequestRating | null;
  /** Until when the requester may rate or change the rating; null when the request cannot be rated (not Solved, merged). */
  openUntil: Date | null;
  /** The requester may rate or change the rating now (the domain's `canRate`). */
  openNow: boolean;
}

export const ratingSelect = {
  score: true,
  comment: true,
  ratedAt: true,
  updatedAt: true,
  rater: { select: { name: true } },
} as const;

export function toRequestRating(
  row: {
    score: SatisfactionScore;
    comment: string | null;
    ratedAt: Date;
    updatedAt: Date;
    rater: { name: string };
  } | null,
): RequestRating | null {
  return (
    row && {
      score: row.score,
      comment: row.comment,
      raterName: row.rater.name,
      ratedAt: row.ratedAt,
      updatedAt: row.updatedAt,
    }
  );
}
