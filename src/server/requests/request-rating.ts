import "server-only";
import { ratingOpenUntil, type SatisfactionScore } from "@/domain";
import { readSatisfactionConfig } from "@/config/env";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { findRequestFor } from "./request-gate";
import { requestStateSelect, toRequestState } from "./request-state";

// The requester's rating of one request as agents read it (docs/product.md §4.5): the score, the
// comment, who gave it and when, and until when it may still change. Through the gate, agents only.

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

export async function getRequestRating(db: Database, viewer: Reader, requestId: number): Promise<Outcome<{ summary: RequestRatingSummary }>> {
  if (!viewer.actor.isAgent) return notFound();
  const opened = await findRequestFor(db, viewer, requestId, {
    may: ["work_request"],
    select: { ...requestStateSelect, satisfaction: { select: ratingSelect } },
  });
  if (!opened.ok) return opened;
  const { ratingWindowDays } = readSatisfactionConfig();
  return {
    ok: true,
    summary: {
      rating: toRequestRating(opened.request.satisfaction),
      openUntil: ratingOpenUntil(toRequestState(opened.request), ratingWindowDays),
    },
  };
}
