import { describe, expect, it } from "vitest";
import { notificationsFor, type NotifiedChange } from "./notifications";

const base: NotifiedChange = {
  actorId: "agent",
  actorIsAgent: true,
  requesterId: "alice",
  ccUserIds: ["bob"],
  assigneeId: null,
  comment: null,
  records: [],
  created: false,
};
const at = new Date("2026-11-30T10:00:00Z");
const solved = { type: "status_changed" as const, requestId: 1, at, actorId: "agent", from: "open" as const, to: "solved" as const, byComment: false, data: { solvedReason: "agreed" as const } };
const sorted = (list: ReturnType<typeof notificationsFor>) => [...list].sort((a, b) => a.to.localeCompare(b.to));

describe("who hears of a change by email", () => {
  it("tells the requester and every CC of an agent's public reply, and nobody of an internal note", () => {
    expect(sorted(notificationsFor({ ...base, comment: { visibility: "public", isReminder: false } }))).toEqual([
      { to: "alice", kind: "agent_reply" },
      { to: "bob", kind: "agent_reply" },
    ]);
    expect(notificationsFor({ ...base, comment: { visibility: "internal", isReminder: false } })).toEqual([]);
  });

  it("tells each person once, of the most telling thing: a reply that solves is a solve", () => {
    expect(sorted(notificationsFor({ ...base, comment: { visibility: "public", isReminder: false }, records: [solved] }))).toEqual([
      { to: "alice", kind: "request_solved" },
      { to: "bob", kind: "request_solved" },
    ]);
  });

  it("does not mail a merge as a solve", () => {
    const merged = { ...solved, data: { solvedReason: "merged" as const, mergedIntoId: 7 } };
    expect(notificationsFor({ ...base, records: [merged] })).toEqual([]);
  });

  it("acknowledges a new request to its requester, tells CCs they were added, and every agent", () => {
    const created = notificationsFor({ ...base, actorId: "alice", actorIsAgent: false, created: true });
    expect(created).toEqual([
      { to: "alice", kind: "acknowledgement" },
      { to: "bob", kind: "cc_added" },
      { to: "agents", kind: "new_request" },
    ]);
  });

  it("tells the assignee of a customer's reply, or every agent while nobody is assigned — never the customer who wrote", () => {
    const reply = { ...base, actorId: "alice", actorIsAgent: false, comment: { visibility: "public" as const, isReminder: false } };
    expect(notificationsFor({ ...reply, assigneeId: "agent" })).toEqual([{ to: "agent", kind: "customer_reply" }]);
    expect(notificationsFor(reply)).toEqual([{ to: "agents", kind: "customer_reply" }]);
  });

  it("sends the automation's reminder to the customers, and nobody is told of their own action", () => {
    expect(sorted(notificationsFor({ ...base, actorId: null, actorIsAgent: false, comment: { visibility: "public", isReminder: true } }))).toEqual([
      { to: "alice", kind: "reminder" },
      { to: "bob", kind: "reminder" },
    ]);
    expect(notificationsFor({ ...base, newAssigneeId: "agent" })).toEqual([]);
    expect(notificationsFor({ ...base, newAssigneeId: "other" })).toEqual([{ to: "other", kind: "assigned" }]);
    expect(notificationsFor({ ...base, actorId: "alice", actorIsAgent: false, addedCcUserIds: ["carol"] })).toEqual([{ to: "carol", kind: "cc_added" }]);
  });
});
