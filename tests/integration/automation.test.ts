import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { fixedClock } from "@/domain";
import { DAY, DEFAULT_REMINDER_POLICY, DEFAULT_SERVICE_LEVEL_POLICY, DEFAULT_SESSION_POLICY, HOUR, MINUTE, decide, nextReminderStep, serviceLevel } from "@/domain";
import { REMINDER_BODY, runAutomation, type AutomationResult } from "@/server/automation/run-automation";
import { startScheduler } from "@/server/automation/scheduler";
import { createDatabase } from "@/server/db/client";
import { createRequest } from "@/server/requests/create-request";
import { eventRow } from "@/server/requests/event-rows";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { requestStateData, requestStateSelect, toRequestState } from "@/server/requests/request-state";
import { ENDED_SESSION_RETENTION_MS, endSession, startSession } from "@/server/security/sessions";
import { SUBMISSION_RETENTION_MS } from "@/server/submissions";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

const seeded = prepareSeededDatabase();
const AGENT_ID = "seed-user-agent";
const SAM_ID = "seed-user-sam";
const NOTHING: AutomationResult = { reminded: 0, solved: 0, breached: 0, endedIdleChats: 0, forgottenSubmissions: 0, forgottenSessions: 0, forgottenThrottles: 0, forgottenPasswordResets: 0, forgottenStreamEvents: 0, forgottenApiRecords: 0, scannedAttachments: 0, forgottenAttachments: 0, handledMail: 0 };

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

const viewer = (email: string, now: Date) => viewerFor(seeded.db, email, now);

/** Alice opens a request in Acme at `at`. */
async function aliceOpens(at: Date, priority: "S1" | "S2" | "S3" | "S4" = "S3"): Promise<number> {
  const acme = await seeded.db.organization.findUniqueOrThrow({ where: { slug: "acme" }, select: { id: true } });
  const created = await createRequest(seeded.db, await viewer("alice@acme.test", at), {
    subject: `Automation test ${at.toISOString()}`,
    description: "The export stops halfway.",
    priority,
    organizationId: acme.id,
    ccUserIds: [],
    submissionKey: randomUUID(),
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.id;
}

/** An agent's public reply that waits for the requester (the agent console's use case is not ours to test). */
async function agentAsks(requestId: number, at: Date, agentId = AGENT_ID, assign = false): Promise<void> {
  await seeded.db.$transaction(async (tx) => {
    const row = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: requestStateSelect });
    const decision = decide(toRequestState(row), { type: "agent_reply", at, agentId, then: { status: "pending" } });
    if (!decision.ok) throw new Error(decision.refusal.code);
    const comment = await tx.comment.create({ data: { requestId, authorId: agentId, body: "Could you send a screenshot?", createdAt: at } });
    const dueAt = serviceLevel(decision.state, at, DEFAULT_SERVICE_LEVEL_POLICY)?.dueAt ?? null;
    await tx.request.update({
      where: { id: requestId, version: row.version },
      data: { ...requestStateData(decision.state, dueAt), version: { increment: 1 }, ...(assign ? { assigneeId: agentId } : {}) },
    });
    await tx.requestEvent.createMany({ data: decision.records.map((record) => eventRow(record, comment.id)) });
  });
}

async function pendingRequest(at: Date, options: { assignTo?: string } = {}): Promise<number> {
  const id = await aliceOpens(at);
  await agentAsks(id, later(at, HOUR), options.assignTo ?? AGENT_ID, options.assignTo !== undefined);
  return id;
}

async function history(requestId: number) {
  const [request, reminders, events] = await Promise.all([
    seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, solvedReason: true, solvedAt: true, reminderCount: true, lastReminderAt: true } }),
    seeded.db.comment.findMany({ where: { requestId, isReminder: true }, orderBy: { createdAt: "asc" }, select: { id: true, authorId: true, body: true, visibility: true, createdAt: true } }),
    seeded.db.requestEvent.findMany({
      // What the automation did: its events have no actor.
      where: { requestId, actorId: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { type: true, actorId: true, commentId: true, toStatus: true, reason: true, data: true, createdAt: true },
    }),
  ]);
  return { request, reminders, events };
}

// Each test works on its own requests from its own starting time, a month apart, so the clocks never meet.
const start = (month: number) => later(seeded.now, month * 30 * DAY);

describe("automation on the demo data", () => {
  it("one pass at the demo data's clock acts exactly where the domain says a step is due, and a second pass does nothing", async () => {
    const active = await seeded.db.request.findMany({ where: { status: { in: ["pending", "open", "on_hold"] } }, select: requestStateSelect });
    const due = (action: string) =>
      active
        .filter((row) => nextReminderStep(toRequestState(row), seeded.now, DEFAULT_REMINDER_POLICY).action === action)
        .map((row) => row.id)
        .sort((a, b) => a - b);
    const toRemind = due("send_reminder");
    const toSolve = due("solve_no_response");
    const breaches = active.filter((row) => serviceLevel(toRequestState(row), seeded.now, DEFAULT_SERVICE_LEVEL_POLICY)?.breached).length;
    // The demo's stories: Pending requests waiting on a reminder exist; 1055 had its second reminder a day ago.
    expect(toRemind.length).toBeGreaterThan(0);
    expect(toRemind).not.toContain(1055);

    const result = await runAutomation(seeded.db, { now: seeded.now });
    expect(result).toEqual({ ...NOTHING, reminded: toRemind.length, solved: toSolve.length, breached: breaches });
    const acted = await seeded.db.requestEvent.findMany({ where: { createdAt: seeded.now, actorId: null }, select: { requestId: true, type: true } });
    expect(acted.filter((event) => event.type === "reminder_sent").map((event) => event.requestId).sort((a, b) => a - b)).toEqual(toRemind);
    expect(acted.filter((event) => event.type === "status_changed").map((event) => event.requestId).sort((a, b) => a - b)).toEqual(toSolve);
    expect(acted.filter((event) => event.type === "sla_breached")).toHaveLength(breaches);
    // Nothing else moved: no request outside the due ones changed.
    const changed = await seeded.db.request.findMany({ where: { lastActivityAt: seeded.now }, select: { id: true } });
    expect(changed.map((row) => row.id).sort((a, b) => a - b)).toEqual([...toRemind, ...toSolve].sort((a, b) => a - b));

    expect(await runAutomation(seeded.db, { now: seeded.now })).toEqual(NOTHING);
  });
});

describe("reminders and no response", () => {
  it("reminds an unanswered Pending request when due and not before, twice, then solves it as no response", async () => {
    const t0 = start(1);
    const id = await pendingRequest(t0);
    const asked = later(t0, HOUR);
    const rule = DEFAULT_REMINDER_POLICY.S3; // 3 days, then 3 days, 2 reminders, solved 4 days after the last

    await runAutomation(seeded.db, { now: later(asked, rule.firstReminderAfterMs - MINUTE) });
    expect((await history(id)).reminders).toHaveLength(0);

    const first = later(asked, rule.firstReminderAfterMs);
    await runAutomation(seeded.db, { now: first });
    await runAutomation(seeded.db, { now: later(first, rule.reminderIntervalMs - MINUTE) });
    let seen = await history(id);
    expect(seen.request).toMatchObject({ status: "pending", reminderCount: 1, lastReminderAt: first });
    expect(seen.reminders).toEqual([{ id: expect.any(String), authorId: AGENT_ID, body: REMINDER_BODY, visibility: "public", createdAt: first }]);
    expect(seen.events).toEqual([
      { type: "reminder_sent", actorId: null, commentId: seen.reminders[0]?.id, toStatus: null, reason: null, data: { reminderCount: 1 }, createdAt: first },
    ]);

    const second = later(first, rule.reminderIntervalMs);
    await runAutomation(seeded.db, { now: second });
    await runAutomation(seeded.db, { now: later(second, rule.solveAfterLastReminderMs - MINUTE) });
    seen = await history(id);
    expect(seen.request).toMatchObject({ status: "pending", reminderCount: 2, lastReminderAt: second });
    expect(seen.reminders.map((comment) => comment.createdAt)).toEqual([first, second]);

    const solvedAt = later(second, rule.solveAfterLastReminderMs);
    await runAutomation(seeded.db, { now: solvedAt });
    seen = await history(id);
    expect(seen.request).toMatchObject({ status: "solved", solvedReason: "no_response", solvedAt, reminderCount: 2 });
    expect(seen.reminders).toHaveLength(2);
    expect(seen.events.map((event) => [event.type, event.actorId, event.toStatus, event.createdAt])).toEqual([
      ["reminder_sent", null, null, first],
      ["reminder_sent", null, null, second],
      ["status_changed", null, "solved", solvedAt],
    ]);
    expect(seen.events[2]?.data).toEqual({ solvedReason: "no_response" });

    // Solved stays solved: later passes leave it alone.
    await runAutomation(seeded.db, { now: later(solvedAt, 30 * DAY) });
    expect((await history(id)).events).toHaveLength(3);
  });

  it("signs the reminder with the request's assignee when it has one", async () => {
    const t0 = start(2);
    const id = await pendingRequest(t0, { assignTo: SAM_ID });
    await runAutomation(seeded.db, { now: later(t0, HOUR + DEFAULT_REMINDER_POLICY.S3.firstReminderAfterMs) });
    expect((await history(id)).reminders.map((comment) => comment.authorId)).toEqual([SAM_ID]);
  });

  it("stops when the requester replies in between: no reminder and no solve until support asks again", async () => {
    const t0 = start(3);
    const id = await pendingRequest(t0);
    const rule = DEFAULT_REMINDER_POLICY.S3;
    const first = later(t0, HOUR + rule.firstReminderAfterMs);
    await runAutomation(seeded.db, { now: first });
    expect((await history(id)).request.reminderCount).toBe(1);

    const replied = later(first, DAY);
    const reply = await replyToRequest(seeded.db, await viewer("alice@acme.test", replied), { requestId: String(id), body: "Here is the screenshot.", submissionKey: randomUUID() });
    expect(reply).toMatchObject({ ok: true });
    expect((await history(id)).request).toMatchObject({ status: "open", reminderCount: 0, lastReminderAt: null });

    // Long after every wait of the policy: nothing is sent and nothing is solved, the request is support's turn.
    for (const days of [3, 6, 10, 30]) await runAutomation(seeded.db, { now: later(replied, days * DAY) });
    let seen = await history(id);
    expect(seen.request.status).toBe("open");
    expect(seen.reminders).toHaveLength(1);
    expect(seen.events.filter((event) => event.type === "reminder_sent")).toHaveLength(1);

    // Support asks again: the count starts over from that reply.
    const askedAgain = later(replied, 31 * DAY);
    await agentAsks(id, askedAgain);
    await runAutomation(seeded.db, { now: later(askedAgain, rule.firstReminderAfterMs - MINUTE) });
    expect((await history(id)).reminders).toHaveLength(1);
    await runAutomation(seeded.db, { now: later(askedAgain, rule.firstReminderAfterMs) });
    seen = await history(id);
    expect(seen.request).toMatchObject({ status: "pending", reminderCount: 1 });
    expect(seen.reminders).toHaveLength(2);
  });
});

describe("service-level breaches", () => {
  it("marks a missed due time once, and a new missed due time again", async () => {
    const t0 = start(4);
    const id = await aliceOpens(t0, "S2");
    const firstDue = later(t0, DEFAULT_SERVICE_LEVEL_POLICY.S2.firstResponseMs);
    const breaches = async () => (await history(id)).events.filter((event) => event.type === "sla_breached");

    await runAutomation(seeded.db, { now: firstDue });
    expect(await breaches()).toHaveLength(0);
    const late = later(firstDue, MINUTE);
    await runAutomation(seeded.db, { now: late });
    await runAutomation(seeded.db, { now: later(late, HOUR) });
    expect((await breaches()).map((event) => [event.actorId, event.data, event.createdAt])).toEqual([
      [null, { kind: "first_response", dueAt: firstDue.toISOString() }, late],
    ]);

    // Support answers and asks; the requester replies; support misses the next target too.
    const asked = later(late, HOUR);
    await agentAsks(id, asked);
    const replied = later(asked, HOUR);
    await replyToRequest(seeded.db, await viewer("alice@acme.test", replied), { requestId: String(id), body: "Done, see attached.", submissionKey: randomUUID() });
    const nextDue = later(replied, DEFAULT_SERVICE_LEVEL_POLICY.S2.nextResponseMs);
    await runAutomation(seeded.db, { now: later(nextDue, MINUTE) });
    await runAutomation(seeded.db, { now: later(nextDue, 2 * MINUTE) });
    expect((await breaches()).map((event) => event.data)).toEqual([
      { kind: "first_response", dueAt: firstDue.toISOString() },
      { kind: "next_response", dueAt: nextDue.toISOString() },
    ]);
  });
});

describe("several instances", () => {
  it("two passes at once on two connections never remind, solve or mark twice", async () => {
    const t0 = start(5);
    const rule = DEFAULT_REMINDER_POLICY.S3;
    const toRemind = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => pendingRequest(later(t0, i * MINUTE))));
    const toBreach = await Promise.all([0, 1, 2, 3].map((i) => aliceOpens(later(t0, i * MINUTE), "S1")));
    const now = later(t0, HOUR + rule.firstReminderAfterMs + 10 * MINUTE);

    const other = createDatabase({ url: seeded.database.url, poolMax: seeded.database.poolMax });
    try {
      const [a, b] = await Promise.all([runAutomation(seeded.db, { now }), runAutomation(other, { now, batchSize: 3 })]);
      const events = await seeded.db.requestEvent.findMany({ where: { createdAt: now, actorId: null }, select: { requestId: true, type: true } });
      const count = (type: string, requestId: number) => events.filter((event) => event.type === type && event.requestId === requestId).length;
      for (const id of toRemind) expect(count("reminder_sent", id)).toBe(1);
      for (const id of toBreach) expect(count("sla_breached", id)).toBe(1);
      // Every act either pass reports is one event, and no event is counted twice.
      expect(a.reminded + b.reminded).toBe(events.filter((event) => event.type === "reminder_sent").length);
      expect(a.solved + b.solved).toBe(events.filter((event) => event.type === "status_changed").length);
      expect(a.breached + b.breached).toBe(events.filter((event) => event.type === "sla_breached").length);
      const reminders = await seeded.db.comment.count({ where: { requestId: { in: toRemind }, isReminder: true } });
      expect(reminders).toBe(toRemind.length);
    } finally {
      await other.$disconnect();
    }
  });
});

// The embedded test database serves one connection at a time, so a transaction held open would block the pass.
const onServer = Boolean(process.env.TEST_DATABASE_URL);

describe("a request someone else holds", () => {
  it.runIf(onServer)("is skipped, not waited for, and taken by the next pass", async () => {
    const t0 = start(7);
    const id = await pendingRequest(t0);
    const now = later(t0, HOUR + DEFAULT_REMINDER_POLICY.S3.firstReminderAfterMs);
    const other = createDatabase({ url: seeded.database.url, poolMax: seeded.database.poolMax });
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let isLocked = () => {};
    const locked = new Promise<void>((resolve) => (isLocked = resolve));
    try {
      const holder = other.$transaction(
        async (tx) => {
          await tx.$queryRaw`SELECT id FROM "Request" WHERE id = ${id} FOR UPDATE`;
          isLocked();
          await released;
        },
        { timeout: 30_000 },
      );
      await locked;
      await runAutomation(seeded.db, { now });
      expect((await history(id)).request.reminderCount).toBe(0);
      release();
      await holder;
      await runAutomation(seeded.db, { now });
      expect((await history(id)).request.reminderCount).toBe(1);
    } finally {
      release();
      await other.$disconnect();
    }
  });
});

describe("the scheduler", () => {
  it("runs passes on its timer with its clock, logs a failed pass and carries on, and stops", async () => {
    const t0 = start(6);
    const id = await pendingRequest(t0);
    const clock = fixedClock(later(t0, HOUR + DEFAULT_REMINDER_POLICY.S3.firstReminderAfterMs));
    const log = { info: vi.fn(), error: vi.fn() };
    let calls = 0;
    const database = () => {
      calls++;
      if (calls === 1) throw new Error("database restarting");
      return seeded.db;
    };
    const scheduler = startScheduler({ database, clock, intervalSeconds: 0.05, batchSize: 100, log });
    try {
      await vi.waitFor(() => expect(log.info).toHaveBeenCalledWith(expect.stringMatching(/^Automation: [1-9]\d* reminded/)), { timeout: 10_000, interval: 50 });
    } finally {
      scheduler.stop();
    }
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining("Automation pass failed"), expect.any(Error));
    expect((await history(id)).request).toMatchObject({ reminderCount: 1, lastReminderAt: clock.now() });
    const afterStop = calls;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(calls).toBe(afterStop);
  });

  it("does nothing when switched off", () => {
    const database = vi.fn(() => seeded.db);
    startScheduler({ database, clock: fixedClock(seeded.now), intervalSeconds: 0, batchSize: 100 }).stop();
    expect(database).not.toHaveBeenCalled();
  });
});

describe("the forms' submission keys", () => {
  it("are forgotten once older than their retention, and not before", async () => {
    const t0 = start(8);
    const recent = later(t0, 2 * DAY);
    // Each request is opened by a form whose key is kept from then on.
    await aliceOpens(t0);
    await aliceOpens(recent);
    const now = later(t0, SUBMISSION_RETENTION_MS + MINUTE);
    const past = (at: Date) => seeded.db.formSubmission.count({ where: { createdAt: { lt: at } } });
    // Other tests' keys, on earlier clocks, may be due too: the pass forgets them all.
    const due = await past(later(now, -SUBMISSION_RETENTION_MS));
    expect(due).toBeGreaterThanOrEqual(1);

    expect((await runAutomation(seeded.db, { now })).forgottenSubmissions).toBe(due);
    expect(await seeded.db.formSubmission.count({ where: { createdAt: t0 } })).toBe(0);
    expect(await seeded.db.formSubmission.count({ where: { createdAt: recent } })).toBe(1);
    expect(await past(later(now, -SUBMISSION_RETENTION_MS))).toBe(0);
    expect((await runAutomation(seeded.db, { now })).forgottenSubmissions).toBe(0);
  });
});

describe("sessions and sign-in counts", () => {
  it("forgets sessions long ended or abandoned and counts that slow nobody down, never a live session or a waiting count", async () => {
    const policy = DEFAULT_SESSION_POLICY;
    const t0 = start(9);
    const now = later(t0, ENDED_SESSION_RETENTION_MS + policy.maxAgeMs + DAY);
    const client = { address: "192.0.2.1", userAgent: null };
    const alice = "seed-user-alice";
    const endedLongAgo = await startSession(seeded.db, alice, client, t0);
    await endSession(seeded.db, endedLongAgo, "signed_out", t0);
    const abandoned = await startSession(seeded.db, alice, client, t0);
    const endedRecently = await startSession(seeded.db, alice, client, later(now, -HOUR));
    await endSession(seeded.db, endedRecently, "signed_out", later(now, -MINUTE));
    const live = await startSession(seeded.db, alice, client, later(now, -HOUR));

    await seeded.db.signInThrottle.createMany({
      data: [
        { key: "account:old@acme.test", failures: 3, lastFailureAt: later(now, -2 * HOUR), blockedUntil: null },
        { key: "account:waiting@acme.test", failures: 12, lastFailureAt: later(now, -2 * HOUR), blockedUntil: later(now, MINUTE) },
        { key: "account:recent@acme.test", failures: 2, lastFailureAt: later(now, -MINUTE), blockedUntil: null },
      ],
    });

    const result = await runAutomation(seeded.db, { now, sessionPolicy: policy });
    expect(result).toMatchObject({ forgottenSessions: 2, forgottenThrottles: 1 });
    const left = await seeded.db.session.findMany({ where: { id: { in: [endedLongAgo, abandoned, endedRecently, live] } }, select: { id: true } });
    expect(left.map(({ id }) => id).sort()).toEqual([endedRecently, live].sort());
    const counts = await seeded.db.signInThrottle.findMany({ where: { key: { endsWith: "@acme.test" } }, select: { key: true } });
    expect(counts.map(({ key }) => key).sort()).toEqual(["account:recent@acme.test", "account:waiting@acme.test"]);
  });
});
