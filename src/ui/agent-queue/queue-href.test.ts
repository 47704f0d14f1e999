import { describe, expect, it } from "vitest";
import { DEFAULT_QUEUE_VIEW, queueHref, savedViewHref, sortHref } from "./queue-href";

describe("the queue's links", () => {
  it("a column header takes its sort with the sort's own order, then the other order, then back", () => {
    expect(sortHref(DEFAULT_QUEUE_VIEW, "created", "asc")).toBe("/agent?sort=created");
    const created = { ...DEFAULT_QUEUE_VIEW, sort: "created" as const };
    expect(sortHref(created, "created", "desc")).toBe("/agent?sort=created&order=asc");
    expect(sortHref({ ...created, order: "asc" }, "created", "asc")).toBe("/agent?sort=created");
    // Soonest due first is the due sort's own order.
    expect(sortHref(DEFAULT_QUEUE_VIEW, "due", "asc")).toBe("/agent?order=desc");
    expect(sortHref({ ...DEFAULT_QUEUE_VIEW, order: "desc" }, "due", "desc")).toBe("/agent");
  });

  it("a header keeps the filters and search, and starts again at the first page", () => {
    const view = { ...DEFAULT_QUEUE_VIEW, q: "printer", assignee: "me" };
    expect(sortHref(view, "activity", "asc")).toBe("/agent?q=printer&assignee=me&sort=activity");
  });

  it("a saved view drops the other filters and keeps the sort", () => {
    const view = { ...DEFAULT_QUEUE_VIEW, q: "printer", priority: ["S1" as const], sort: "created" as const };
    expect(savedViewHref(view, { sla: "breached" })).toBe("/agent?sla=breached&sort=created");
    expect(savedViewHref(view, {})).toBe("/agent?sort=created");
  });

  it("a page link carries where the page starts, past the first", () => {
    expect(queueHref(DEFAULT_QUEUE_VIEW, { after: "abc", start: 26 })).toBe("/agent?after=abc&start=26");
    expect(queueHref(DEFAULT_QUEUE_VIEW, { before: "abc", start: 1 })).toBe("/agent?before=abc");
  });
});
