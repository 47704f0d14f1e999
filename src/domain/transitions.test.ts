import { describe, expect, it } from "vitest";
import { DEFAULT_REMINDER_POLICY } from "./reminders";
import type { RequestState } from "./request-state";
import { agentReply, apply, at, customerReply, holdFor, onHoldRequest, freshRequest, pendingRequest, solveAgreed, solvedRequest } from "./testing/builders";
import { decide, openRequest, SOLVED_REASONS_AGENTS_CHOOSE, STATUSES_AFTER_AGENT_REPLY, type Decision, type MergeTarget, type RequestCommand, type StatusAfterReply } from "./transitions";
import { CHANNELS, SOLVED_REASONS, type RequestStatus } from "./vocabulary";

function accepted(decision: Decision) {
  if (!decision.ok) throw new Error(`refused: ${decision.refusal.message}`);
  return decision;
}

function refusalCode(decision: Decision) {
  return decision.ok ? "accepted" : decision.refusal.code;
}

const statesByStatus: Record<RequestStatus, () => RequestState> = {
  open: () => freshRequest(),
  pending: pendingRequest,
  on_hold: onHoldRequest,
  solved: solvedRequest,
};

describe("docs/product.md §4 statuses — a new request", () => {
  it.each(CHANNELS)("comes in Open by %s, and the log records its creation", (channel) => {
    const opened = openRequest({ id: 7, organizationId: "org-acme", requesterId: "user-alice", channel, priority: "S2", at: at(0) });
    expect(opened.state).toMatchObject({ status: "open", priority: "S2", channel, lastCustomerMessageAt: at(0), firstAgentReplyAt: null });
    expect(opened.records).toEqual([{ type: "created", requestId: 7, actorId: "user-alice", at: at(0), channel, status: "open", priority: "S2" }]);
  });
});

describe("docs/product.md §4 statuses — an agent's public reply", () => {
  it("STATUSES_AFTER_AGENT_REPLY: an agent's reply may leave the request in any of them", () => {
    const resolution = { reason: "agreed" as const };
    const then: Record<(typeof STATUSES_AFTER_AGENT_REPLY)[number], StatusAfterReply> = {
      pending: { status: "pending" },
      open: { status: "open" },
      on_hold: { status: "on_hold", reason: { code: "with_engineering" } },
      solved: { status: "solved", resolution },
    };
    for (const status of STATUSES_AFTER_AGENT_REPLY) expect(accepted(decide(freshRequest(), agentReply(1, then[status]))).state.status).toBe(status);
  });

  it.each(["open", "on_hold"] as const)("makes a %s request Pending by default (support waits for the requester)", (status) => {
    const decision = accepted(decide(statesByStatus[status](), agentReply(5)));
    expect(decision.state.status).toBe("pending");
    expect(decision.records).toMatchObject([{ type: "status_changed", from: status, to: "pending", byComment: true }]);
  });

  it("may name another status in the same step", () => {
    expect(accepted(decide(freshRequest(), agentReply(1, { status: "open" }))).state.status).toBe("open");
    const held = accepted(decide(freshRequest(), agentReply(1, { status: "on_hold", reason: { code: "reproducing_bug" } })));
    expect(held.state).toMatchObject({ status: "on_hold", holdReason: { code: "reproducing_bug" } });
    const solved = accepted(decide(freshRequest(), agentReply(1, { status: "solved", resolution: { reason: "agreed" } })));
    expect(solved.state).toMatchObject({ status: "solved", solvedReason: "agreed", solvedAt: at(1) });
  });

  it("records the first and the latest reply, which the service level reads", () => {
    const state = apply(freshRequest(), agentReply(1), customerReply(2), agentReply(3));
    expect(state.firstAgentReplyAt).toEqual(at(1));
    expect(state.lastAgentReplyAt).toEqual(at(3));
  });

  it("leaves a Solved request Solved unless the agent names a status", () => {
    const decision = accepted(decide(solvedRequest(), agentReply(5)));
    expect(decision.state.status).toBe("solved");
    expect(decision.records).toEqual([]);
  });
});

describe("docs/product.md §4 On-hold — progress depends on an internal team", () => {
  it.each([
    [{ code: "reproducing_bug" as const }],
    [{ code: "with_engineering" as const }],
    [{ code: "waiting_for_account_team" as const }],
    [{ code: "other" as const, text: "Waiting for the vendor's security review" }],
  ])("accepts the usual reasons or an agent's own words: %j", (reason) => {
    const decision = accepted(decide(freshRequest(), { type: "hold", at: at(1), agentId: "user-agent", reason }));
    expect(decision.state).toMatchObject({ status: "on_hold", holdReason: reason });
    expect(decision.records[0]).toMatchObject({ type: "status_changed", to: "on_hold", data: { holdReason: reason } });
  });

  it.each([
    ["an empty free-text reason", { code: "other" as const, text: "   " }, "reason_required"],
    ["an unknown reason code", { code: "napping" } as never, "unknown_hold_reason"],
    ["a reason over 500 characters", { code: "other" as const, text: "x".repeat(501) }, "reason_too_long"],
  ])("refuses %s", (_, reason, code) => {
    expect(refusalCode(decide(freshRequest(), { type: "hold", at: at(1), agentId: "user-agent", reason }))).toBe(code);
  });

  it("clears the hold reason when the request moves on", () => {
    expect(apply(onHoldRequest(), agentReply(2)).holdReason).toBeNull();
  });
});

describe("docs/product.md §4 Solved — exactly four ways, with their data", () => {
  it("SOLVED_REASONS_AGENTS_CHOOSE: agents solve as agreed or bug reported; merged and no response come otherwise", () => {
    const bugData = { bugReference: "ENG-1", agreedPriority: "S2", estimatedResolutionAt: at(24 * 30) };
    for (const reason of SOLVED_REASONS) {
      const decision = decide(pendingRequest(), { type: "solve", at: at(10), agentId: "user-agent", resolution: { reason, ...bugData } });
      expect(decision.ok, reason).toBe((SOLVED_REASONS_AGENTS_CHOOSE as readonly string[]).includes(reason));
    }
  });

  const solve = (resolution: Extract<RequestCommand, { type: "solve" }>["resolution"]): RequestCommand => ({
    type: "solve",
    at: at(10),
    agentId: "user-agent",
    resolution,
  });
  const bug = { reason: "bug_reported" as const, bugReference: "ENG-4821", agreedPriority: "S2", estimatedResolutionAt: at(24 * 30) };

  it("1. Agreed: requester and agent agree the problem is solved", () => {
    expect(accepted(decide(pendingRequest(), solve({ reason: "agreed" }))).state).toMatchObject({ status: "solved", solvedReason: "agreed" });
  });

  it("2. Bug reported: records the bug reference, the agreed priority and the estimated resolution date", () => {
    const decision = accepted(decide(pendingRequest(), solve(bug)));
    expect(decision.state.bugReport).toEqual({ reference: "ENG-4821", agreedPriority: "S2", estimatedResolutionAt: at(24 * 30) });
    expect(decision.records[0]).toMatchObject({ data: { solvedReason: "bug_reported", bugReference: "ENG-4821", bugPriority: "S2" } });
  });

  it.each([
    ["without a bug reference", { ...bug, bugReference: " " }, "bug_reference_required"],
    ["without an agreed priority", { ...bug, agreedPriority: undefined }, "bug_priority_required"],
    ["with a priority outside S1–S4", { ...bug, agreedPriority: "S5" }, "bug_priority_required"],
    ["without an estimated date", { ...bug, estimatedResolutionAt: undefined }, "bug_eta_required"],
    ["with an invalid date", { ...bug, estimatedResolutionAt: new Date("nope") }, "bug_eta_required"],
    ["with a date in the past", { ...bug, estimatedResolutionAt: at(-48) }, "bug_eta_in_past"],
  ])("2. Bug reported is refused %s", (_, resolution, code) => {
    expect(refusalCode(decide(pendingRequest(), solve(resolution)))).toBe(code);
  });

  it("3. Merged needs a target: an agent cannot just pick it", () => {
    expect(refusalCode(decide(pendingRequest(), solve({ reason: "merged" })))).toBe("merged_needs_target");
  });

  it("4. No response only through the reminder policy", () => {
    expect(refusalCode(decide(pendingRequest(), solve({ reason: "no_response" })))).toBe("no_response_only_by_policy");
  });

  it("refuses any other reason with a sentence a person can read", () => {
    const decision = decide(pendingRequest(), solve({ reason: "fixed" as never }));
    expect(decision).toMatchObject({ ok: false, refusal: { code: "unknown_solved_reason" } });
    expect(decision.ok ? "" : decision.refusal.message).toMatch(/agreed or bug reported/);
  });

  it("refuses solving again the same way, but lets the agent correct the reason", () => {
    expect(refusalCode(decide(solvedRequest(), solve({ reason: "agreed" })))).toBe("already_solved");
    expect(accepted(decide(solvedRequest(), solve(bug))).state.solvedReason).toBe("bug_reported");
  });
});

describe("docs/product.md §4.3 merging", () => {
  const target: MergeTarget = { id: 1002, organizationId: "org-acme", mergedIntoId: null };
  const merge = (over: Partial<typeof target> = {}, mergedIntoThis: number[] = []): RequestCommand => ({
    type: "merge",
    at: at(5),
    agentId: "user-agent",
    target: { ...target, ...over },
    mergedIntoThis,
  });

  it("solves the request as merged, pointing at the target, and the target records what was merged into it", () => {
    const decision = accepted(decide(freshRequest(), merge()));
    expect(decision.state).toMatchObject({ status: "solved", solvedReason: "merged", mergedIntoId: 1002 });
    expect(decision.records).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: "merged_into", requestId: 1001, targetId: 1002 }),
        expect.objectContaining({ type: "merge_received", requestId: 1002, sourceId: 1001 }),
      ]),
    );
  });

  it.each([
    ["into itself", merge({ id: 1001 }), "merge_into_self"],
    ["into another organization's request", merge({ organizationId: "org-globex" }), "merge_across_organizations"],
    ["into a request that was itself merged", merge({ mergedIntoId: 1003 }), "merge_target_is_merged"],
  ])("is refused %s", (_, command, code) => {
    expect(refusalCode(decide(freshRequest(), command))).toBe(code);
  });

  it("is refused for a request already merged", () => {
    const merged = apply(freshRequest(), merge());
    expect(refusalCode(decide(merged, merge({ id: 1004 })))).toBe("already_merged");
  });

  it("moves the requests merged into this one to the new target, so no chain forms", () => {
    const decision = accepted(decide(freshRequest(), merge({}, [1005, 1006])));
    expect(decision.related).toEqual([
      { requestId: 1005, mergedIntoId: 1002 },
      { requestId: 1006, mergedIntoId: 1002 },
    ]);
    expect(decision.records.filter((record) => record.type === "merge_received")).toHaveLength(3);
  });

  it("keeps a merged request closed to agent status changes", () => {
    const merged = apply(freshRequest(), merge());
    expect(refusalCode(decide(merged, holdFor(6)))).toBe("merged_request_is_closed");
    expect(refusalCode(decide(merged, solveAgreed(6)))).toBe("merged_request_is_closed");
    expect(accepted(decide(merged, agentReply(6))).state.status).toBe("solved");
  });
});

describe("docs/product.md §5 reopening — one rule for every channel", () => {
  it.each(["pending", "on_hold", "solved"] as const)("a customer's reply makes a %s request Open", (status) => {
    const decision = accepted(decide(statesByStatus[status](), customerReply(9)));
    expect(decision.state.status).toBe("open");
    expect(decision.records[0]).toMatchObject({ type: "status_changed", from: status, to: "open", byComment: true, actorId: "user-alice" });
  });

  it("a reply on a Solved request records that it was reopened by this reply", () => {
    const decision = accepted(decide(solvedRequest(), customerReply(9, "user-bob")));
    expect(decision.records).toContainEqual(expect.objectContaining({ type: "reopened", via: "web", byComment: true, actorId: "user-bob" }));
    expect(decision.state).toMatchObject({ solvedAt: null, solvedReason: null });
  });

  it("a reply by email follows the same rule", () => {
    const decision = accepted(decide(solvedRequest(), { type: "customer_reply", at: at(9), authorId: "user-alice", channel: "email" }));
    expect(decision.records).toContainEqual(expect.objectContaining({ type: "reopened", via: "email" }));
  });

  it.each(CHANNELS)("a reply by %s reopens a Solved request and says by which channel", (channel) => {
    const decision = accepted(decide(solvedRequest(), { type: "customer_reply", at: at(9), authorId: "user-alice", channel }));
    expect(decision.state.status).toBe("open");
    expect(decision.records).toContainEqual(expect.objectContaining({ type: "reopened", via: channel, byComment: true }));
  });

  it("a new chat session about a Solved request reopens it", () => {
    const decision = accepted(decide(solvedRequest(), { type: "chat_started", at: at(9), customerId: "user-alice", chatSessionId: "chat-1" }));
    expect(decision.state.status).toBe("open");
    expect(decision.records).toContainEqual(expect.objectContaining({ type: "reopened", via: "chat", chatSessionId: "chat-1", byComment: false }));
  });

  it("a reply on an Open request changes no status and records nothing", () => {
    const decision = accepted(decide(freshRequest(), customerReply(1)));
    expect(decision.state.status).toBe("open");
    expect(decision.records).toEqual([]);
    expect(decision.state.lastCustomerMessageAt).toEqual(at(1));
  });

  it.each(CHANNELS)("a reply by %s on a merged request is refused: the conversation continues on its target, and the merge stays", (channel) => {
    const merged = apply(freshRequest(), { type: "merge", at: at(2), agentId: "user-agent", target: { id: 1002, organizationId: "org-acme", mergedIntoId: null }, mergedIntoThis: [] });
    const decision = decide(merged, { type: "customer_reply", at: at(3), authorId: "user-alice", channel });
    expect(refusalCode(decision)).toBe("merged_request_is_closed");
    expect(decision.ok ? "" : decision.refusal.message).toContain("#1002");
    expect(refusalCode(decide(merged, { type: "chat_started", at: at(3), customerId: "user-alice", chatSessionId: "chat-1" }))).toBe("merged_request_is_closed");
  });
});

describe("docs/product.md §4.1 the requester marks their request as solved", () => {
  const markSolved = (hour: number): RequestCommand => ({ type: "requester_solve", at: at(hour), requesterId: "user-alice" });

  it.each(["open", "pending"] as const)("solves a %s request as agreed, recorded as the requester's", (status) => {
    const decision = accepted(decide(statesByStatus[status](), markSolved(9)));
    expect(decision.state).toMatchObject({ status: "solved", solvedReason: "agreed", solvedAt: at(9), bugReport: null });
    expect(decision.records).toEqual([
      { type: "status_changed", requestId: decision.state.id, actorId: "user-alice", at: at(9), from: status, to: "solved", byComment: false, data: { solvedReason: "agreed", byRequester: true } },
    ]);
  });

  it.each(["on_hold", "solved"] as const)("is refused on a %s request", (status) => {
    expect(refusalCode(decide(statesByStatus[status](), markSolved(9)))).toBe("requester_solve_needs_open_or_pending");
  });

  it("is refused on a merged request", () => {
    const merged = apply(freshRequest(), { type: "merge", at: at(2), agentId: "user-agent", target: { id: 1002, organizationId: "org-acme", mergedIntoId: null }, mergedIntoThis: [] });
    expect(refusalCode(decide(merged, markSolved(9)))).toBe("merged_request_is_closed");
  });

  it("a later reply reopens what the requester solved, like any Solved request", () => {
    const solved = apply(pendingRequest(), markSolved(9));
    const decision = accepted(decide(solved, customerReply(10)));
    expect(decision.state.status).toBe("open");
    expect(decision.records).toContainEqual(expect.objectContaining({ type: "reopened", via: "web" }));
  });
});

describe("docs/product.md §3 priorities — reclassification", () => {
  const reclassify = (priority: string, reason: string): RequestCommand => ({ type: "reclassify", at: at(3), agentId: "user-agent", priority, reason });

  it("changes the priority and records the reason", () => {
    const decision = accepted(decide(freshRequest(), reclassify("S1", "Dashboards down for every user")));
    expect(decision.state.priority).toBe("S1");
    expect(decision.records).toEqual([
      expect.objectContaining({ type: "priority_changed", from: "S3", to: "S1", reason: "Dashboards down for every user" }),
    ]);
  });

  it.each([
    ["without a reason", reclassify("S2", "  "), "reason_required"],
    ["to the same priority", reclassify("S3", "no change"), "same_priority"],
    ["to an unknown priority", reclassify("S0", "oops"), "unknown_priority"],
  ])("is refused %s", (_, command, code) => {
    expect(refusalCode(decide(freshRequest(), command))).toBe(code);
  });
});

describe("docs/product.md §4.4 reminders and no response", () => {
  const remind = (hours: number): RequestCommand => ({ type: "send_reminder", at: at(hours), agentId: null });
  const solveNoResponse = (hours: number): RequestCommand => ({ type: "solve_no_response", at: at(hours), policy: DEFAULT_REMINDER_POLICY });

  it("sends reminders only on Pending requests and counts them", () => {
    expect(refusalCode(decide(freshRequest(), remind(2)))).toBe("reminder_needs_pending");
    const reminded = apply(pendingRequest(), remind(80));
    expect(reminded).toMatchObject({ status: "pending", reminderCount: 1, lastReminderAt: at(80) });
  });

  it("solves for no response only after at least one reminder and the policy's wait", () => {
    expect(refusalCode(decide(pendingRequest(), solveNoResponse(24 * 60)))).toBe("no_response_not_due");
    const remindedTwice = apply(pendingRequest(), remind(73), remind(24 * 6 + 2));
    expect(refusalCode(decide(remindedTwice, solveNoResponse(24 * 6 + 3)))).toBe("no_response_not_due");
    const decision = accepted(decide(remindedTwice, solveNoResponse(24 * 10 + 3)));
    expect(decision.state).toMatchObject({ status: "solved", solvedReason: "no_response" });
    expect(decision.records[0]).toMatchObject({ actorId: null, data: { solvedReason: "no_response" } });
  });

  it("a customer reply resets the reminders", () => {
    const reminded = apply(pendingRequest(), remind(73));
    expect(apply(reminded, customerReply(74))).toMatchObject({ status: "open", reminderCount: 0, lastReminderAt: null });
  });

  it("an agent's closing word on a request solved for no response keeps the reminders that led to it", () => {
    const solved = apply(pendingRequest(), remind(73), remind(24 * 6 + 2), solveNoResponse(24 * 10 + 3));
    const afterword = apply(solved, agentReply(24 * 11));
    expect(afterword).toMatchObject({ status: "solved", solvedReason: "no_response", reminderCount: 2, lastReminderAt: at(24 * 6 + 2) });
  });

  it("the requester may still reopen a request solved for no response", () => {
    const solved = apply(pendingRequest(), remind(73), remind(24 * 6 + 2), solveNoResponse(24 * 10 + 3));
    expect(apply(solved, customerReply(24 * 12)).status).toBe("open");
  });
});

describe("docs/product.md §4 an agent sets Open or Pending without a message", () => {
  const setStatus = (status: "open" | "pending", hour = 9): RequestCommand => ({ type: "set_status", at: at(hour), agentId: "user-agent", status });

  it.each([
    ["open", "pending"],
    ["pending", "open"],
    ["on_hold", "open"],
    ["on_hold", "pending"],
    ["solved", "open"],
  ] as const)("moves a %s request to %s, recorded as the agent's, leaving the old status's fields behind", (from, to) => {
    const decision = accepted(decide(statesByStatus[from](), setStatus(to)));
    expect(decision.state).toMatchObject({ status: to, holdReason: null, solvedAt: null, solvedReason: null, bugReport: null });
    expect(decision.records).toEqual([{ type: "status_changed", requestId: decision.state.id, actorId: "user-agent", at: at(9), from, to, byComment: false }]);
  });

  it.each(["open", "pending"] as const)("refuses %s on a request that already has it", (status) => {
    expect(refusalCode(decide(statesByStatus[status](), setStatus(status)))).toBe("already_in_status");
  });

  it("refuses a merged request: the conversation continues on its target", () => {
    const merged = apply(freshRequest(), { type: "merge", at: at(2), agentId: "user-agent", target: { id: 1002, organizationId: "org-acme", mergedIntoId: null }, mergedIntoThis: [] });
    expect(refusalCode(decide(merged, setStatus("open")))).toBe("merged_request_is_closed");
  });
});
