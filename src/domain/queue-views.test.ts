import { describe, expect, it } from "vitest";
import { currentQueueView, QUEUE_VIEW_FILTERS, QUEUE_VIEWS } from "./queue-views";

describe("the agent queue's saved views", () => {
  const plain = { q: "", status: [], priority: [] };

  it("each view is the unsolved requests with at most one filter of its own", () => {
    for (const name of QUEUE_VIEWS) expect(Object.keys(QUEUE_VIEW_FILTERS[name]).length).toBeLessThanOrEqual(1);
    expect(QUEUE_VIEW_FILTERS.unsolved).toEqual({});
  });

  it.each(QUEUE_VIEWS)("a page with exactly the filters of %s shows that view", (name) => {
    expect(currentQueueView({ ...plain, ...QUEUE_VIEW_FILTERS[name] })).toBe(name);
  });

  it.each([
    ["a search", { q: "printer" }],
    ["a status", { status: ["open"] }],
    ["a priority", { priority: ["S1"] }],
    ["an organization", { organization: "org-acme" }],
    ["part of an organization's name", { organizationName: "acme" }],
    ["two view filters", { assignee: "me", sla: "breached" as const }],
    ["another agent", { assignee: "user-other" }],
    ["fine", { sla: "fine" as const }],
  ])("a page with %s shows none of them", (_, extra) => {
    expect(currentQueueView({ ...plain, ...extra })).toBeNull();
  });
});
