import { describe, expect, it } from "vitest";
import { CHANNELS, HOLD_REASON_DEFINITIONS, PRIORITY_CODES, PRIORITY_DEFINITIONS, REQUEST_STATUSES, SOLVED_REASONS, STATUS_DEFINITIONS, UNSOLVED_STATUSES } from "./vocabulary";

describe("docs/product.md §3–4 vocabulary", () => {
  it("has exactly four statuses, each saying who owns the next step", () => {
    expect(REQUEST_STATUSES).toEqual(["open", "pending", "on_hold", "solved"]);
    expect(Object.fromEntries(REQUEST_STATUSES.map((status) => [status, STATUS_DEFINITIONS[status].nextStepOwner]))).toEqual({
      open: "support",
      pending: "requester",
      on_hold: "internal_team",
      solved: "nobody",
    });
  });

  it("has the priorities S1–S4 with stable codes, ranked, and their definitions as translation keys", () => {
    expect(PRIORITY_CODES).toEqual(["S1", "S2", "S3", "S4"]);
    expect(PRIORITY_CODES.map((code) => PRIORITY_DEFINITIONS[code].rank)).toEqual([1, 2, 3, 4]);
    expect(PRIORITY_DEFINITIONS.S1).toEqual({ rank: 1, labelKey: "priority.S1.label", definitionKey: "priority.S1.definition" });
  });

  it("has exactly the four ways to be solved and the three usual on-hold situations", () => {
    expect(SOLVED_REASONS).toEqual(["agreed", "bug_reported", "merged", "no_response"]);
    expect(Object.keys(HOLD_REASON_DEFINITIONS)).toEqual(["reproducing_bug", "with_engineering", "waiting_for_account_team"]);
  });

  it("UNSOLVED_STATUSES: what support still has to do is every status but Solved", () => {
    expect(UNSOLVED_STATUSES).toEqual(REQUEST_STATUSES.filter((status) => status !== "solved"));
  });

  it("knows the channels a request and its messages come by: the portal, email, chat and the API", () => {
    expect(CHANNELS).toEqual(["web", "email", "chat", "api"]);
  });
});
