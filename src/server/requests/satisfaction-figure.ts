import "server-only";
import { DAY, satisfactionPercent } from "@/domain";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";

// The queue's satisfaction figure (docs/product.md §4.5): of the ratings given or changed in the last
// 30 days, the share that were good, and how many there were. Counted on the ratings' updatedAt
// index, so it stays one cheap statement however many requests there are. Agents only.

export const SATISFACTION_FIGURE_DAYS = 30;

export interface SatisfactionFigure {
  good: number;
  bad: number;
  /** The share of good ratings, a whole percentage; null when nobody rated in the period. */
  percent: number | null;
  days: number;
}

export async function getSatisfactionFigure(db: Database, viewer: Reader): Promise<Outcome<{ figure: SatisfactionFigure }>> {
  if (!viewer.actor.isAgent) return notFound();
  const since = new Date(viewer.now.getTime() - SATISFACTION_FIGURE_DAYS * DAY);
  const groups = await db.satisfactionRating.groupBy({
    by: ["score"],
    where: { updatedAt: { gte: since, lte: viewer.now } },
    _count: { _all: true },
  });
  const count = (score: "good" | "bad") => groups.find((group) => group.score === score)?._count._all ?? 0;
  const [good, bad] = [count("good"), count("bad")];
  return {
    ok: true,
    figure: {
      good,
      bad,
      percent: satisfactionPercent(good, bad),
      days: SATISFACTION_FIGURE_DAYS,
    },
  };
}
