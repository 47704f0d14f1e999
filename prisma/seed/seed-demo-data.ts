// Writes the demo data of ./demo-data.ts. `buildDemoRows` turns the request scripts into rows — it
// is the only place that derives statuses and timestamps — and `seedDemoData` inserts them with
// fixed ids and `skipDuplicates`, so a second run inserts nothing and changes nothing.

import type { Prisma } from "@/generated/prisma/client";
import type { Channel, Priority, RequestStatus, SolvedReason } from "@/generated/prisma/enums";
import type { Database } from "@/server/db/client";
import {
  DEMO_ORGANIZATIONS,
  DEMO_USERS,
  INTERNAL_ONLY_WORD,
  PUBLIC_REPLY_ONLY_WORD,
  REQUEST_SCRIPTS,
  type AgentKey,
  type CustomerKey,
  type OrgKey,
  type RequestScript,
  type Step,
  type UserKey,
} from "./demo-data";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Hours until support owes its next update on an open request (first/next response target). */
const RESPONSE_TARGET_HOURS: Record<Priority, number> = { S1: 4, S2: 8, S3: 24, S4: 48 };
/** On hold another team owns the next step, so support posts updates less often. */
const ON_HOLD_UPDATE_HOURS: Record<Priority, number> = { S1: 24, S2: 48, S3: 72, S4: 120 };

export interface DemoRows {
  organizations: Prisma.OrganizationCreateManyInput[];
  users: Prisma.UserCreateManyInput[];
  memberships: Prisma.MembershipCreateManyInput[];
  requests: Prisma.RequestCreateManyInput[];
  requestCcs: Prisma.RequestCcCreateManyInput[];
  comments: Prisma.CommentCreateManyInput[];
  chatSessions: Prisma.ChatSessionCreateManyInput[];
  chatMessages: Prisma.ChatMessageCreateManyInput[];
  events: Prisma.RequestEventCreateManyInput[];
  accessRequests: Prisma.OrganizationAccessRequestCreateManyInput[];
  accessGrants: Prisma.OrganizationAccessGrantCreateManyInput[];
}

export type SeedCounts = { [K in keyof DemoRows]: number };

/** Row counts of the demo dataset, and how many of them this run actually inserted. */
export interface SeedSummary extends SeedCounts {
  inserted: SeedCounts;
}

/** Small deterministic PRNG: variety in delays without Math.random. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class SeedDataError extends Error {}

function fail(requestId: number, message: string): never {
  throw new SeedDataError(`demo request ${requestId}: ${message}`);
}

const userId = (key: UserKey): string => DEMO_USERS[key].id;
const orgOf = (key: UserKey): OrgKey | null => DEMO_USERS[key].membership?.org ?? null;
const isAgentKey = (key: UserKey): key is AgentKey => DEMO_USERS[key].isAgent;

/** Creation time: the script's [days, hours] plus a few deterministic minutes, so times aren't round. */
function createdAtOf(script: RequestScript, now: number): number {
  const minutes = Math.floor(mulberry32(script.id * 31 + 7)() * 20);
  const [days, hours] = script.ago;
  return now - days * DAY - hours * HOUR - minutes * MINUTE;
}

/** The delay before a step when the script gives none: plausible for the kind of step. */
function defaultDelayHours(step: Step, rand: () => number): number {
  const between = (lo: number, hi: number): number => lo + (hi - lo) * rand();
  switch (step.kind) {
    case "customer":
      return between(2, 20);
    case "agent":
      return between(0.3, 4);
    case "note":
      return between(0.1, 1);
    case "hold":
    case "cc":
      return between(0.02, 0.08);
    case "reclassify":
      return between(0.1, 0.5);
    case "chat":
      return between(1, 8);
    case "remind":
      return 72;
    case "solve":
      return step.reason === "no_response" ? 96 : between(0.2, 1.5);
    case "merge":
      return 0.02;
  }
}

function delayMs(step: Step, rand: () => number): number {
  const { after, days } = step.at;
  const hours = after ?? (days !== undefined ? 0 : defaultDelayHours(step, rand));
  return Math.round(((days ?? 0) * 24 + hours) * HOUR);
}

interface PendingMerge {
  target: number;
  source: number;
  at: number;
  actor: AgentKey;
}

interface RequestOutcome {
  createdAt: number;
  lastActivity: number;
  firstSolve: { at: number; by: AgentKey } | null;
}

export function buildDemoRows(options: { now: Date; passwordHash: string }): DemoRows {
  const now = options.now.getTime();
  const rows: DemoRows = {
    organizations: [],
    users: [],
    memberships: [],
    requests: [],
    requestCcs: [],
    comments: [],
    chatSessions: [],
    chatMessages: [],
    events: [],
    accessRequests: [],
    accessGrants: [],
  };

  for (const org of Object.values(DEMO_ORGANIZATIONS)) {
    rows.organizations.push({ id: org.id, name: org.name, slug: org.slug, createdAt: new Date(now - org.createdDaysAgo * DAY) });
  }
  for (const user of Object.values(DEMO_USERS)) {
    const createdAt = new Date(now - user.createdDaysAgo * DAY);
    rows.users.push({
      id: user.id,
      email: user.email,
      name: user.name,
      passwordHash: options.passwordHash,
      locale: user.locale,
      isAgent: user.isAgent,
      createdAt,
      // Explicit, so the data is a pure function of `now` (the column would otherwise take the clock).
      updatedAt: createdAt,
    });
    if (user.membership) {
      rows.memberships.push({
        userId: user.id,
        organizationId: DEMO_ORGANIZATIONS[user.membership.org].id,
        isTechnicalContact: user.membership.isTechnicalContact,
        isAdmin: user.membership.isAdmin,
        createdAt,
      });
    }
  }

  // Creation times first: merges point at requests that may come later in the list.
  const scriptsById = new Map<number, RequestScript>();
  const createdAtById = new Map<number, number>();
  let previousCreatedAt = -Infinity;
  REQUEST_SCRIPTS.forEach((script, index) => {
    if (script.id !== 1001 + index) fail(script.id, `expected id ${1001 + index} (ids are consecutive from 1001)`);
    const createdAt = createdAtOf(script, now);
    if (createdAt <= previousCreatedAt) fail(script.id, "created before the previous request (ids must follow creation time)");
    previousCreatedAt = createdAt;
    scriptsById.set(script.id, script);
    createdAtById.set(script.id, createdAt);
  });

  const pendingMerges: PendingMerge[] = [];
  const requestRows = new Map<number, Prisma.RequestCreateManyInput>();
  const outcomes = new Map<number, RequestOutcome>();

  for (const script of REQUEST_SCRIPTS) {
    const createdAt = createdAtById.get(script.id) ?? fail(script.id, "missing creation time");
    const { row, outcome } = buildRequest(script, createdAt, now, scriptsById, createdAtById, rows, pendingMerges);
    requestRows.set(script.id, row);
    outcomes.set(script.id, outcome);
    rows.requests.push(row);
  }

  // The merge target's side of each merge, and its effect on the target's last activity.
  for (const m of pendingMerges) {
    const target = requestRows.get(m.target) ?? fail(m.source, `merge target ${m.target} missing`);
    const outcome = outcomes.get(m.target) ?? fail(m.source, `merge target ${m.target} missing`);
    rows.events.push({
      id: `seed-event-${m.target}-merged-from-${m.source}`,
      requestId: m.target,
      actorId: userId(m.actor),
      type: "merge_received",
      data: { requestId: m.source },
      createdAt: new Date(m.at),
    });
    outcome.lastActivity = Math.max(outcome.lastActivity, m.at);
    target.lastActivityAt = new Date(outcome.lastActivity);
  }

  for (const script of REQUEST_SCRIPTS) {
    if (!script.access) continue;
    const spec = script.access;
    const outcome = outcomes.get(script.id) ?? fail(script.id, "missing outcome");
    const requester = DEMO_USERS[script.requester];
    const accessId = `seed-access-${script.id}`;
    if (spec.approvalState === "not_required") {
      if (!requester.membership?.isTechnicalContact) fail(script.id, "only a technical contact's access request needs no approval");
    } else {
      const approver = spec.approver ? DEMO_USERS[spec.approver] : null;
      if (!approver?.membership?.isTechnicalContact || approver.membership.org !== script.org) {
        fail(script.id, "an admin's access request must name a technical contact of the same organization");
      }
    }
    const decided = spec.approvalState === "approved" || spec.approvalState === "declined";
    if (decided !== (spec.decidedAfterHours !== undefined)) fail(script.id, "decidedAfterHours is required exactly for decided access requests");
    rows.accessRequests.push({
      id: accessId,
      organizationId: DEMO_ORGANIZATIONS[script.org].id,
      requesterId: requester.id,
      approverId: spec.approver ? userId(spec.approver) : null,
      approvalState: spec.approvalState,
      decidedAt: spec.decidedAfterHours !== undefined ? new Date(outcome.createdAt + spec.decidedAfterHours * HOUR) : null,
      supportRequestId: script.id,
      note: spec.note ?? null,
      createdAt: new Date(outcome.createdAt),
    });
    if (spec.grant) {
      if (spec.approvalState !== "not_required" && spec.approvalState !== "approved") fail(script.id, "only approved access can be granted");
      const solved = outcome.firstSolve ?? fail(script.id, "a granted access request must be solved (the grant is given then)");
      rows.accessGrants.push({
        id: `seed-grant-${script.id}`,
        organizationId: DEMO_ORGANIZATIONS[script.org].id,
        userId: requester.id,
        grantedById: userId(solved.by),
        accessRequestId: accessId,
        grantedAt: new Date(solved.at),
        expiresAt: null,
        revokedAt: null,
        revokedById: null,
      });
    }
  }

  checkSpecialWords(rows);
  return rows;
}

interface RequestState {
  t: number; // the current step's time
  status: RequestStatus;
  priority: Priority;
  onHoldReason: string | null;
  solvedAt: number | null;
  solvedReason: SolvedReason | null;
  mergedIntoId: number | null;
  bug: { reference: string; priority: Priority; eta: number } | null;
  reminderCount: number;
  lastReminderAt: number | null;
  assignee: AgentKey | null;
  firstSolve: { at: number; by: AgentKey } | null;
  lastPublic: number;
  lastEvent: number;
  lastCustomer: number;
  lastAgentPublic: number;
}

/** Plays one script; appends its CCs, comments, chats and events to `rows` and returns its request row. */
function buildRequest(
  script: RequestScript,
  createdAt: number,
  now: number,
  scriptsById: ReadonlyMap<number, RequestScript>,
  createdAtById: ReadonlyMap<number, number>,
  rows: DemoRows,
  pendingMerges: PendingMerge[],
): { row: Prisma.RequestCreateManyInput; outcome: RequestOutcome } {
  const id = script.id;
  const rand = mulberry32(id);
  const channel: Channel = script.channel ?? "web";
  const handler: AgentKey = script.handler ?? "agent";
  const orgSlug = DEMO_ORGANIZATIONS[script.org].slug;

  const checkCustomer = (key: CustomerKey, what: string): void => {
    if (orgOf(key) !== script.org) fail(id, `${what} ${key} is not a member of ${script.org}`);
  };
  checkCustomer(script.requester, "requester");

  // One mutable state object: the steps' helpers below change it from closures.
  const st: RequestState = {
    t: createdAt,
    status: "open",
    priority: script.priority,
    onHoldReason: null,
    solvedAt: null,
    solvedReason: null,
    mergedIntoId: null,
    bug: null,
    reminderCount: 0,
    lastReminderAt: null,
    assignee: null,
    firstSolve: null,
    lastPublic: createdAt,
    lastEvent: createdAt,
    lastCustomer: createdAt, // the description is the customer's first message
    lastAgentPublic: 0,
  };
  let commentCount = 0;
  let eventCount = 0;
  let chatCount = 0;
  const ccs = new Set<CustomerKey>();

  const event = (e: Omit<Prisma.RequestEventCreateManyInput, "id" | "requestId" | "createdAt">): void => {
    rows.events.push({ id: `seed-event-${id}-${++eventCount}`, requestId: id, createdAt: new Date(st.t), ...e });
    st.lastEvent = Math.max(st.lastEvent, st.t);
  };
  const comment = (author: UserKey, body: string, opts: { internal?: boolean; isReminder?: boolean } = {}): string => {
    const commentId = `seed-comment-${id}-${++commentCount}`;
    const fromCustomer = !isAgentKey(author);
    // Customers answer on the channel the request came in through; chats continue on the web.
    const commentChannel: Channel = fromCustomer && channel === "email" ? "email" : "web";
    rows.comments.push({
      id: commentId,
      requestId: id,
      authorId: userId(author),
      body,
      visibility: opts.internal ? "internal" : "public",
      channel: commentChannel,
      isReminder: opts.isReminder ?? false,
      emailMessageId: commentChannel === "email" ? `<seed-${id}-${commentCount}@mail.${orgSlug}.test>` : null,
      createdAt: new Date(st.t),
    });
    if (!opts.internal) st.lastPublic = Math.max(st.lastPublic, st.t);
    return commentId;
  };
  const agentActs = (by: AgentKey): void => {
    st.assignee ??= by;
  };
  /** One rule for every channel: a customer message makes a pending, on-hold or solved request open. */
  const customerActs = (by: CustomerKey, commentId: string | null, data?: { chatSessionId: string }): void => {
    if (st.status === "solved") {
      if (st.solvedReason === "merged") fail(id, "a merged request cannot be reopened in the demo data");
      event({ type: "reopened", actorId: userId(by), fromStatus: "solved", toStatus: "open", commentId, data });
      st.solvedAt = null;
      st.solvedReason = null;
      st.bug = null;
    } else if (st.status !== "open") {
      event({ type: "status_changed", actorId: userId(by), fromStatus: st.status, toStatus: "open", commentId, data });
    }
    st.status = "open";
    st.onHoldReason = null;
  };
  const changeStatus = (
    to: RequestStatus,
    by: AgentKey,
    extra: { commentId?: string; reason?: string; data?: Prisma.InputJsonValue } = {},
  ): void => {
    event({ type: "status_changed", actorId: userId(by), fromStatus: st.status, toStatus: to, ...extra });
    st.status = to;
  };

  event({ type: "created", actorId: userId(script.requester), toStatus: "open", toPriority: st.priority });

  script.steps.forEach((step, index) => {
    if (st.mergedIntoId !== null) fail(id, `step ${index + 1} comes after the merge`);
    st.t += delayMs(step, rand);
    switch (step.kind) {
      case "customer": {
        const by = step.by ?? script.requester;
        checkCustomer(by, "commenter");
        if (by !== script.requester && !ccs.has(by)) fail(id, `${by} replies without being the requester or CC'd`);
        const commentId = comment(by, step.body);
        st.lastCustomer = st.t;
        customerActs(by, commentId);
        break;
      }
      case "agent": {
        const by = step.by ?? handler;
        agentActs(by);
        const commentId = comment(by, step.body);
        st.lastAgentPublic = st.t;
        if (step.status && step.status !== st.status) {
          if (st.status === "solved") fail(id, "reply with a status change on a solved request");
          changeStatus(step.status, by, { commentId });
          st.onHoldReason = null;
        }
        break;
      }
      case "note": {
        const by = step.by ?? handler;
        agentActs(by);
        comment(by, step.body, { internal: true });
        break;
      }
      case "hold": {
        const by = step.by ?? handler;
        if (st.status !== "open") fail(id, `put on hold from ${st.status}`);
        agentActs(by);
        changeStatus("on_hold", by, { reason: step.reason });
        st.onHoldReason = step.reason;
        break;
      }
      case "reclassify": {
        const by = step.by ?? handler;
        if (step.to === st.priority) fail(id, `reclassified to its current priority ${st.priority}`);
        agentActs(by);
        event({ type: "priority_changed", actorId: userId(by), fromPriority: st.priority, toPriority: step.to, reason: step.reason });
        st.priority = step.to;
        break;
      }
      case "chat": {
        const customerKey = step.by ?? script.requester;
        const agentKey = step.agent ?? handler;
        checkCustomer(customerKey, "chat customer");
        if (step.lines.length === 0) fail(id, "empty chat");
        const sessionId = `seed-chat-${id}-${++chatCount}`;
        const startedAt = st.t;
        // Starting a chat about a request counts as a customer message (it reopens a solved one).
        customerActs(customerKey, null, { chatSessionId: sessionId });
        agentActs(agentKey);
        step.lines.forEach(([who, body], lineIndex) => {
          st.t += Math.round((lineIndex === 0 ? 0.2 : 0.3 + 2.2 * rand()) * MINUTE);
          rows.chatMessages.push({
            id: `seed-chatmsg-${id}-${chatCount}-${lineIndex + 1}`,
            sessionId,
            authorId: userId(who === "c" ? customerKey : agentKey),
            body,
            sentAt: new Date(st.t),
          });
          if (who === "c") st.lastCustomer = st.t;
          else st.lastAgentPublic = st.t;
          st.lastPublic = Math.max(st.lastPublic, st.t);
        });
        st.t += MINUTE;
        rows.chatSessions.push({ id: sessionId, requestId: id, startedById: userId(customerKey), startedAt: new Date(startedAt), endedAt: new Date(st.t) });
        break;
      }
      case "cc": {
        const by = step.by ?? script.requester;
        checkCustomer(step.user, "CC");
        if (!isAgentKey(by)) checkCustomer(by, "CC adder");
        if (step.user === script.requester || ccs.has(step.user)) fail(id, `${step.user} is already on the request`);
        ccs.add(step.user);
        rows.requestCcs.push({ requestId: id, userId: userId(step.user), addedById: userId(by), createdAt: new Date(st.t) });
        event({ type: "cc_added", actorId: userId(by), data: { userId: userId(step.user) } });
        break;
      }
      case "remind": {
        const by = step.by ?? handler;
        if (st.status !== "pending") fail(id, "reminders are only sent while waiting on the customer");
        agentActs(by);
        const commentId = comment(by, step.body, { isReminder: true });
        st.lastAgentPublic = st.t;
        st.reminderCount += 1;
        st.lastReminderAt = st.t;
        event({ type: "reminder_sent", actorId: userId(by), commentId, data: { reminderCount: st.reminderCount } });
        break;
      }
      case "solve": {
        const by = step.by ?? handler;
        if (st.status === "solved") fail(id, "solved twice without a reopen");
        if (step.reason === "no_response" && (st.status !== "pending" || st.reminderCount < 1)) {
          fail(id, "no_response needs a pending request and at least one reminder");
        }
        agentActs(by);
        let data: Prisma.InputJsonValue = { solvedReason: step.reason };
        if (step.reason === "bug_reported") {
          const b = step.bug ?? fail(id, "bug_reported without a bug");
          st.bug = { reference: b.reference, priority: b.priority, eta: st.t + b.etaDays * DAY };
          data = { solvedReason: step.reason, bugReference: b.reference, bugPriority: b.priority, bugEta: new Date(st.bug.eta).toISOString() };
        }
        changeStatus("solved", by, { data });
        st.solvedAt = st.t;
        st.solvedReason = step.reason;
        st.onHoldReason = null;
        st.firstSolve ??= { at: st.t, by };
        break;
      }
      case "merge": {
        const by = step.by ?? handler;
        const target = scriptsById.get(step.into) ?? fail(id, `merge target ${step.into} does not exist`);
        const targetCreatedAt = createdAtById.get(step.into) ?? fail(id, `merge target ${step.into} has no creation time`);
        if (target.id === id || target.org !== script.org) fail(id, "merge target must be another request of the same organization");
        if (target.steps.some((s) => s.kind === "merge")) fail(id, `merge target ${target.id} is itself merged`);
        if (targetCreatedAt >= st.t) fail(id, `merged into ${target.id} before it existed`);
        if (st.status === "solved") fail(id, "merging a solved request");
        agentActs(by);
        changeStatus("solved", by, { data: { solvedReason: "merged", mergedIntoId: target.id } });
        event({ type: "merged_into", actorId: userId(by), data: { requestId: target.id } });
        st.solvedAt = st.t;
        st.solvedReason = "merged";
        st.mergedIntoId = target.id;
        st.onHoldReason = null;
        st.firstSolve ??= { at: st.t, by };
        pendingMerges.push({ target: target.id, source: id, at: st.t, actor: by });
        break;
      }
    }
  });

  if (st.t > now) fail(id, `script ends ${((st.t - now) / HOUR).toFixed(1)}h in the future; shorten its delays or make it older`);

  let responseDueAt: Date | null = null;
  const lastExchange = Math.max(st.lastCustomer, st.lastAgentPublic);
  if (st.status === "open") responseDueAt = new Date(lastExchange + RESPONSE_TARGET_HOURS[st.priority] * HOUR);
  if (st.status === "on_hold") responseDueAt = new Date(lastExchange + ON_HOLD_UPDATE_HOURS[st.priority] * HOUR);

  const lastActivity = Math.max(st.lastPublic, st.lastEvent);
  const row: Prisma.RequestCreateManyInput = {
    id,
    subject: script.subject,
    description: script.description,
    requesterId: userId(script.requester),
    organizationId: DEMO_ORGANIZATIONS[script.org].id,
    assigneeId: st.assignee ? userId(st.assignee) : null,
    status: st.status,
    priority: st.priority,
    channel,
    createdAt: new Date(createdAt),
    lastActivityAt: new Date(lastActivity),
    responseDueAt,
    onHoldReason: st.onHoldReason,
    solvedAt: st.solvedAt === null ? null : new Date(st.solvedAt),
    solvedReason: st.solvedReason,
    mergedIntoId: st.mergedIntoId,
    bugReference: st.bug?.reference ?? null,
    bugPriority: st.bug?.priority ?? null,
    bugEta: st.bug ? new Date(st.bug.eta) : null,
    reminderCount: st.reminderCount,
    lastReminderAt: st.lastReminderAt === null ? null : new Date(st.lastReminderAt),
  };
  return { row, outcome: { createdAt, lastActivity, firstSolve: st.firstSolve } };
}

/** Guards the words the search tests rely on: one only in internal notes, one in a single public reply. */
function checkSpecialWords(rows: DemoRows): void {
  const count = (text: string, word: string): number => text.toLowerCase().split(word.toLowerCase()).length - 1;
  const publicTexts: string[] = [
    ...rows.requests.flatMap((r) => [r.subject, r.description]),
    ...rows.comments.filter((c) => c.visibility !== "internal").map((c) => c.body),
    ...rows.chatMessages.map((m) => m.body),
    ...rows.accessRequests.map((a) => a.note ?? ""),
  ];
  const internalTexts = rows.comments.filter((c) => c.visibility === "internal").map((c) => c.body);
  const customerIds = new Set(Object.values(DEMO_USERS).filter((u) => !u.isAgent).map((u) => u.id));

  if (publicTexts.some((text) => count(text, INTERNAL_ONLY_WORD) > 0)) {
    throw new SeedDataError(`"${INTERNAL_ONLY_WORD}" must appear only in internal notes`);
  }
  if (!internalTexts.some((text) => count(text, INTERNAL_ONLY_WORD) > 0)) {
    throw new SeedDataError(`"${INTERNAL_ONLY_WORD}" must appear in at least one internal note`);
  }
  const everywhere = [...publicTexts, ...internalTexts].reduce((n, text) => n + count(text, PUBLIC_REPLY_ONLY_WORD), 0);
  const inCustomerReplies = rows.comments
    .filter((c) => c.visibility !== "internal" && customerIds.has(c.authorId))
    .reduce((n, c) => n + count(c.body, PUBLIC_REPLY_ONLY_WORD), 0);
  if (everywhere !== 1 || inCustomerReplies !== 1) {
    throw new SeedDataError(`"${PUBLIC_REPLY_ONLY_WORD}" must appear exactly once, in a public customer reply`);
  }
}

function countRows(rows: DemoRows): SeedCounts {
  return {
    organizations: rows.organizations.length,
    users: rows.users.length,
    memberships: rows.memberships.length,
    requests: rows.requests.length,
    requestCcs: rows.requestCcs.length,
    comments: rows.comments.length,
    chatSessions: rows.chatSessions.length,
    chatMessages: rows.chatMessages.length,
    events: rows.events.length,
    accessRequests: rows.accessRequests.length,
    accessGrants: rows.accessGrants.length,
  };
}

/**
 * Inserts the demo dataset. Idempotent: every row has a fixed id and is written with
 * `skipDuplicates`, so a second call inserts nothing (see `inserted`) and changes nothing.
 */
export async function seedDemoData(db: Database, options: { now: Date; passwordHash: string }): Promise<SeedSummary> {
  const rows = buildDemoRows(options);
  const inserted = await db.$transaction(
    async (tx) => {
      const organizations = (await tx.organization.createMany({ data: rows.organizations, skipDuplicates: true })).count;
      const users = (await tx.user.createMany({ data: rows.users, skipDuplicates: true })).count;
      const memberships = (await tx.membership.createMany({ data: rows.memberships, skipDuplicates: true })).count;
      // Merge targets are never merged themselves, so inserting the unmerged requests first
      // satisfies the mergedIntoId foreign key without a second pass of updates.
      const unmerged = rows.requests.filter((r) => r.mergedIntoId == null);
      const merged = rows.requests.filter((r) => r.mergedIntoId != null);
      const requests =
        (await tx.request.createMany({ data: unmerged, skipDuplicates: true })).count +
        (await tx.request.createMany({ data: merged, skipDuplicates: true })).count;
      // Explicit ids bypass the sequence; move it past them so the next request gets a fresh id.
      await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Request"', 'id'), (SELECT MAX(id) FROM "Request"))`);
      const requestCcs = (await tx.requestCc.createMany({ data: rows.requestCcs, skipDuplicates: true })).count;
      const comments = (await tx.comment.createMany({ data: rows.comments, skipDuplicates: true })).count;
      const chatSessions = (await tx.chatSession.createMany({ data: rows.chatSessions, skipDuplicates: true })).count;
      const chatMessages = (await tx.chatMessage.createMany({ data: rows.chatMessages, skipDuplicates: true })).count;
      const events = (await tx.requestEvent.createMany({ data: rows.events, skipDuplicates: true })).count;
      const accessRequests = (await tx.organizationAccessRequest.createMany({ data: rows.accessRequests, skipDuplicates: true })).count;
      const accessGrants = (await tx.organizationAccessGrant.createMany({ data: rows.accessGrants, skipDuplicates: true })).count;
      return { organizations, users, memberships, requests, requestCcs, comments, chatSessions, chatMessages, events, accessRequests, accessGrants };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { ...countRows(rows), inserted };
}
