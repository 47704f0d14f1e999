import { describe, expect, it } from "vitest";
import { DAY } from "./clock";
import { canRate, checkRating, DEFAULT_RATING_WINDOW_DAYS, MAX_RATING_COMMENT_LENGTH, ratingOpenUntil, satisfactionPercent } from "./satisfaction";
import { at, freshRequest, solvedRequest } from "./testing/builders";

describe("docs/product.md §4.5 satisfaction rating", () => {
  const solved = solvedRequest();
  const solvedAt = solved.solvedAt!;
  const within = new Date(solvedAt.getTime() + DAY);

  it("a Solved request can be rated good or bad, with a comment kept trimmed and a blank one dropped", () => {
    expect(checkRating(solved, { score: "good", comment: "  Quick and clear.  " }, within)).toEqual({ ok: true, rating: { score: "good", comment: "Quick and clear." } });
    expect(checkRating(solved, { score: "bad", comment: "   " }, within)).toEqual({ ok: true, rating: { score: "bad", comment: null } });
  });

  it("can be changed until the window after the solve closes, and not after", () => {
    const last = new Date(solvedAt.getTime() + DEFAULT_RATING_WINDOW_DAYS * DAY);
    expect(ratingOpenUntil(solved)).toEqual(last);
    expect(canRate(solved, last)).toBe(true);
    expect(canRate(solved, new Date(last.getTime() + 1))).toBe(false);
    const refused = checkRating(solved, { score: "good" }, new Date(last.getTime() + 1));
    expect(refused.ok ? "" : refused.refusal.code).toBe("rating_window_closed");
    expect(canRate(solved, new Date(solvedAt.getTime() + 20 * DAY), 30)).toBe(true);
  });

  it("is refused before the request is solved, on a merged request, for an unknown score and for a long comment", () => {
    const code = (result: ReturnType<typeof checkRating>) => (result.ok ? "accepted" : result.refusal.code);
    expect(code(checkRating(freshRequest(), { score: "good" }, at(1)))).toBe("rating_needs_solved");
    expect(code(checkRating({ ...solved, solvedReason: "merged", mergedIntoId: 1002 }, { score: "good" }, within))).toBe("rating_merged");
    expect(code(checkRating(solved, { score: "meh" }, within))).toBe("unknown_score");
    expect(code(checkRating(solved, { score: "bad", comment: "x".repeat(MAX_RATING_COMMENT_LENGTH + 1) }, within))).toBe("rating_comment_too_long");
  });

  it("the queue's figure is the share of good ratings, none when nobody rated", () => {
    expect(satisfactionPercent(0, 0)).toBeNull();
    expect(satisfactionPercent(2, 1)).toBe(67);
    expect(satisfactionPercent(5, 0)).toBe(100);
  });
});
