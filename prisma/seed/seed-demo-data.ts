// Writes the demo data of ./demo-data.ts. `buildDemoRows` plays every request script through the
// workflow rules of src/domain: each step becomes a command for `decide`, and the request's status,
// solved, hold and reminder fields, its event log and its service-level due time are whatever the
// rules make of the story. A step the rules refuse stops the seed, so the demo data is, by
// construction, a state the product can reach. `seedDemoData` inserts the rows with fixed ids and
// `skipDuplicates`, so a second run inserts nothing and changes nothing.

import {
  DAY,
  DEFAULT_REMINDER_POLICY,
  DEFAULT_SERVICE_LEVEL_POLICY,
  HOUR,
  MINUTE,
  decide,
  openRequest,
  serviceLevel,
  type EventRecord,
  type HoldReason,
  type HoldReasonCode,
  type RequestCommand,
  type RequestState,
  type StatusAfterReply,
} from "@/domain";
import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Prisma } from "@/generated/prisma/client";
import type { Channel } from "@/generated/prisma/enums";
import type { Database } from "@/server/db/client";
import { hashApiToken, TOKEN_PREFIX } from "@/server/api/tokens";
import { keyFor } from "@/server/attachments/pipeline";
import { sniffContentType, SNIFF_BYTES } from "@/server/attachments/sniff";
import type { AttachmentStore } from "@/server/attachments/store";
import { eventFields } from "@/server/requests/event-rows";
import { requestStateData } from "@/server/requests/request-state";
import {
  DEMO_ORGANIZATIONS,
  DEMO_API_TOKEN,
  DEMO_USERS,
  INTERNAL_ONLY_WORD,
  PUBLIC_REPLY_ONLY_WORD,
  REQUEST_SCRIPTS,
  type AgentKey,
  type CustomerKey,
  type RequestScript,
  type Step,
  type UserKey,
} from "./demo-data";
import { DEMO_ATTACHMENTS, sha256Of } from "./demo-attachments";
import { demoInboundMail } from "./demo-mail";

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
  attachments: Prisma.AttachmentCreateManyInput[];
  inboundMail: Prisma.InboundMailCreateManyInput[];
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
const isAgentKey = (key: UserKey): key is AgentKey => DEMO_USERS[key].isAgent;

// ---------------------------------------------------------------------------------------------
// Timing: when each step of a script happens
// ---------------------------------------------------------------------------------------------

/** Creation time: the script's [days, hours] plus a few deterministic minutes, so times aren't round. */
function createdAtOf(script: RequestScript, now: number): number {
  const minutes = Math.floor(mulberry32(script.id * 31 + 7)() * 20);
  const [days, hours] = script.ago;
  return now - days * DAY - hours * HOUR - minutes * MINUTE;
}

/**
 * The delay before a step when the script gives none: plausible for the kind of step. Reminders and
 * no-response solves have none: whether they are due is the reminder policy's call, so the script
 * says when they happen and the domain checks it.
 */
function defaultDelayHours(step: Step, rand: () => number): number | null {
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
      return null;
    case "solve":
      return step.reason === "no_response" ? null : between(0.2, 1.5);
    case "merge":
      return 0.02;
  }
}

function delayMs(requestId: number, label: string, step: Step, rand: () => number): number {
  const { after, days } = step.at;
  const hours = after ?? (days !== undefined ? 0 : defaultDelayHours(step, rand));
  if (hours === null) fail(requestId, `${label} needs an explicit time (after/days)`);
  return Math.round(((days ?? 0) * 24 + hours) * HOUR);
}

type ChatStep = Extract<Step, { kind: "chat" }>;

/** What happens to one request at one moment. Chats are split into their start and their lines. */
type Action =
  | { type: "step"; step: Exclude<Step, ChatStep> }
  | { type: "chat_start"; sessionId: string; customer: CustomerKey; agent: AgentKey; endedAt: number }
  | { type: "chat_line"; sessionId: string; messageId: string; author: UserKey; body: string };

interface Scheduled {
  requestId: number;
  /** Position in the request's own script: keeps its order when times are equal. */
  seq: number;
  at: number;
  /** Where in the script, for error messages: "step 3 (hold)". */
  label: string;
  action: Action;
}

/** Gives every step of a script its time; the same script and `now` always give the same times. */
function scheduleScript(script: RequestScript, createdAt: number, now: number): Scheduled[] {
  const rand = mulberry32(script.id);
  const handler: AgentKey = script.handler ?? "agent";
  const scheduled: Scheduled[] = [];
  const add = (at: number, label: string, action: Action): void => {
    scheduled.push({ requestId: script.id, seq: scheduled.length, at, label, action });
  };
  let t = createdAt;
  let chats = 0;
  script.steps.forEach((step, index) => {
    const label = `step ${index + 1} (${step.kind})`;
    t += delayMs(script.id, label, step, rand);
    if (step.kind !== "chat") {
      add(t, label, { type: "step", step });
      return;
    }
    if (step.lines.length === 0) fail(script.id, `${label}: empty chat`);
    const customer = step.by ?? script.requester;
    const agent = step.agent ?? handler;
    const sessionId = `seed-chat-${script.id}-${++chats}`;
    const startedAt = t;
    const lineTimes = step.lines.map((_, lineIndex) => (t += Math.round((lineIndex === 0 ? 0.2 : 0.3 + 2.2 * rand()) * MINUTE)));
    t += MINUTE;
    add(startedAt, label, { type: "chat_start", sessionId, customer, agent, endedAt: t });
    step.lines.forEach(([who, body], lineIndex) => {
      add(lineTimes[lineIndex] ?? t, `${label}, line ${lineIndex + 1}`, {
        type: "chat_line",
        sessionId,
        messageId: `seed-chatmsg-${script.id}-${chats}-${lineIndex + 1}`,
        author: who === "c" ? customer : agent,
        body,
      });
    });
  });
  if (t > now) fail(script.id, `script ends ${((t - now) / HOUR).toFixed(1)}h in the future; shorten its delays or make it older`);
  return scheduled;
}

// ---------------------------------------------------------------------------------------------
// Mapping between the scripts, the domain and the rows
// ---------------------------------------------------------------------------------------------

/** The scripts' hold reasons that the product lists; any other text is the agent's own words. */
const HOLD_REASON_CODES: ReadonlyMap<string, HoldReasonCode> = new Map([
  ["Working with engineering on a bug", "with_engineering"],
  ["Reproducing the reported bug", "reproducing_bug"],
  ["Waiting for the account team to contact the requester", "waiting_for_account_team"],
]);

function holdReasonOf(text: string): HoldReason {
  const code = HOLD_REASON_CODES.get(text);
  return code ? { code } : { code: "other", text };
}

/**
 * The status an agent's reply leaves the request in. `ask()` chooses Pending. A plain `agent()` reply
 * keeps the request where it is — an open request stays with support, one on hold stays on hold — so
 * the builder passes that choice explicitly instead of taking the domain's default (Pending).
 */
function statusAfterReply(requestId: number, state: RequestState, chosen: "pending" | "open" | undefined): StatusAfterReply | undefined {
  if (chosen) return { status: chosen };
  switch (state.status) {
    case "open":
    case "pending":
      return { status: state.status };
    case "on_hold":
      return { status: "on_hold", reason: state.holdReason ?? fail(requestId, "on hold without a reason") };
    case "solved":
      return undefined; // a closing word: the request stays solved
  }
}

// ---------------------------------------------------------------------------------------------
// Playing the scripts
// ---------------------------------------------------------------------------------------------

/** One request while its script is played: the domain's state plus what the rows need besides. */
interface RequestBuild {
  script: RequestScript;
  channel: Channel;
  handler: AgentKey;
  createdAt: number;
  state: RequestState;
  ccs: Set<CustomerKey>;
  assignee: AgentKey | null;
  /** When and by whom the request was first solved (organization access is granted then). */
  firstSolve: { at: Date; actorId: string | null } | null;
  commentCount: number;
  eventCount: number;
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
    attachments: [],
    inboundMail: [],
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

  // Every request exists from its creation; its steps are then played in global time order, so a
  // merge sees its target as it is at that moment.
  const builds = new Map<number, RequestBuild>();
  const schedule: Scheduled[] = [];
  let previousCreatedAt = -Infinity;
  REQUEST_SCRIPTS.forEach((script, index) => {
    if (script.id !== 1001 + index) fail(script.id, `expected id ${1001 + index} (ids are consecutive from 1001)`);
    const createdAt = createdAtOf(script, now);
    if (createdAt <= previousCreatedAt) fail(script.id, "created before the previous request (ids must follow creation time)");
    previousCreatedAt = createdAt;
    if (DEMO_USERS[script.requester].membership?.org !== script.org) fail(script.id, `requester ${script.requester} is not a member of ${script.org}`);
    const channel: Channel = script.channel ?? "web";
    const opened = openRequest({
      id: script.id,
      organizationId: DEMO_ORGANIZATIONS[script.org].id,
      requesterId: userId(script.requester),
      channel,
      priority: script.priority,
      at: new Date(createdAt),
    });
    const build: RequestBuild = {
      script,
      channel,
      handler: script.handler ?? "agent",
      createdAt,
      state: opened.state,
      ccs: new Set(),
      assignee: null,
      firstSolve: null,
      commentCount: 0,
      eventCount: 0,
    };
    builds.set(script.id, build);
    for (const record of opened.records) addEvent(build, { actorId: record.actorId, createdAt: record.at, ...eventFields(record, null) });
    schedule.push(...scheduleScript(script, createdAt, now));
  });
  schedule.sort((a, b) => a.at - b.at || a.requestId - b.requestId || a.seq - b.seq);

  function buildOf(requestId: number, from: number): RequestBuild {
    return builds.get(requestId) ?? fail(from, `request ${requestId} does not exist`);
  }

  function addEvent(build: RequestBuild, event: Omit<Prisma.RequestEventCreateManyInput, "id" | "requestId">): void {
    rows.events.push({ id: `seed-event-${build.script.id}-${++build.eventCount}`, requestId: build.script.id, ...event });
  }

  function addComment(
    build: RequestBuild,
    author: UserKey,
    body: string,
    at: Date,
    opts: { internal?: boolean; isReminder?: boolean; channel?: Channel } = {},
  ): string {
    const id = build.script.id;
    const commentId = `seed-comment-${id}-${++build.commentCount}`;
    const channel = opts.channel ?? "web";
    rows.comments.push({
      id: commentId,
      requestId: id,
      authorId: userId(author),
      body,
      visibility: opts.internal ? "internal" : "public",
      channel,
      isReminder: opts.isReminder ?? false,
      emailMessageId: channel === "email" ? `<seed-${id}-${build.commentCount}@mail.${DEMO_ORGANIZATIONS[build.script.org].slug}.test>` : null,
      createdAt: at,
    });
    return commentId;
  }

  function checkCustomer(build: RequestBuild, key: CustomerKey, what: string): void {
    if (DEMO_USERS[key].membership?.org !== build.script.org) fail(build.script.id, `${what} ${key} is not a member of ${build.script.org}`);
  }

  /** The first agent to act on a request becomes its assignee. */
  function assign(build: RequestBuild, agent: AgentKey): void {
    build.assignee ??= agent;
  }

  /**
   * Asks the domain. A refusal stops the seed: the demo data must be reachable by the rules. The new
   * state replaces the request's, related changes (requests that follow a merge) are applied to
   * theirs, and every record becomes an event on the request it names.
   */
  function apply(build: RequestBuild, label: string, command: RequestCommand, commentId: string | null = null): EventRecord[] {
    const decision = decide(build.state, command);
    if (!decision.ok) {
      fail(build.script.id, `${label}: the workflow refuses ${command.type} (${decision.refusal.code}): ${decision.refusal.message}`);
    }
    build.state = decision.state;
    for (const change of decision.related) {
      const related = buildOf(change.requestId, build.script.id);
      related.state = { ...related.state, mergedIntoId: change.mergedIntoId };
    }
    for (const record of decision.records) {
      const target = buildOf(record.requestId, build.script.id);
      addEvent(target, { actorId: record.actorId, createdAt: record.at, ...eventFields(record, commentId) });
      if (record.type === "status_changed" && record.to === "solved") target.firstSolve ??= { at: record.at, actorId: record.actorId };
    }
    return decision.records;
  }

  function playStep(build: RequestBuild, label: string, step: Exclude<Step, ChatStep>, at: Date): void {
    const { script } = build;
    const id = script.id;
    switch (step.kind) {
      case "customer": {
        const by = step.by ?? script.requester;
        checkCustomer(build, by, "commenter");
        if (by !== script.requester && !build.ccs.has(by)) fail(id, `${label}: ${by} replies without being the requester or CC'd`);
        // Customers answer on the channel the request came in through; chats continue on the web.
        const channel: Channel = step.channel ?? (build.channel === "email" ? "email" : "web");
        const commentId = addComment(build, by, step.body, at, { channel });
        apply(build, label, { type: "customer_reply", at, authorId: userId(by), channel }, commentId);
        return;
      }
      case "agent": {
        const by = step.by ?? build.handler;
        assign(build, by);
        const commentId = addComment(build, by, step.body, at);
        apply(build, label, { type: "agent_reply", at, agentId: userId(by), then: statusAfterReply(id, build.state, step.status) }, commentId);
        return;
      }
      case "note": {
        // Internal notes are for the team only: they change nothing in the workflow.
        const by = step.by ?? build.handler;
        assign(build, by);
        addComment(build, by, step.body, at, { internal: true });
        return;
      }
      case "hold": {
        const by = step.by ?? build.handler;
        assign(build, by);
        apply(build, label, { type: "hold", at, agentId: userId(by), reason: holdReasonOf(step.reason) });
        return;
      }
      case "reclassify": {
        const by = step.by ?? build.handler;
        assign(build, by);
        apply(build, label, { type: "reclassify", at, agentId: userId(by), priority: step.to, reason: step.reason });
        return;
      }
      case "cc": {
        const by = step.by ?? script.requester;
        checkCustomer(build, step.user, "CC");
        if (!isAgentKey(by)) checkCustomer(build, by, "CC adder");
        if (step.user === script.requester || build.ccs.has(step.user)) fail(id, `${label}: ${step.user} is already on the request`);
        build.ccs.add(step.user);
        rows.requestCcs.push({ requestId: id, userId: userId(step.user), addedById: userId(by), createdAt: at });
        addEvent(build, { type: "cc_added", actorId: userId(by), data: { userId: userId(step.user) }, createdAt: at });
        return;
      }
      case "remind": {
        const by = step.by ?? build.handler;
        assign(build, by);
        const commentId = addComment(build, by, step.body, at, { isReminder: true });
        apply(build, label, { type: "send_reminder", at, agentId: userId(by) }, commentId);
        return;
      }
      case "solve": {
        if (step.reason === "no_response") {
          // The reminder policy solves it, not an agent: the domain checks that it is due.
          apply(build, label, { type: "solve_no_response", at, policy: DEFAULT_REMINDER_POLICY });
          return;
        }
        const by = step.by ?? build.handler;
        assign(build, by);
        const bug = step.reason === "bug_reported" ? (step.bug ?? fail(id, `${label}: bug_reported without a bug`)) : null;
        apply(build, label, {
          type: "solve",
          at,
          agentId: userId(by),
          resolution: bug
            ? { reason: "bug_reported", bugReference: bug.reference, agreedPriority: bug.priority, estimatedResolutionAt: new Date(at.getTime() + bug.etaDays * DAY) }
            : { reason: step.reason },
        });
        return;
      }
      case "merge": {
        const by = step.by ?? build.handler;
        const target = buildOf(step.into, id);
        if (target.createdAt >= at.getTime()) fail(id, `${label}: merged into ${step.into} before it existed`);
        assign(build, by);
        const { id: targetId, organizationId, mergedIntoId } = target.state;
        const mergedIntoThis = [...builds.values()].filter((other) => other.state.mergedIntoId === id).map((other) => other.script.id);
        apply(build, label, { type: "merge", at, agentId: userId(by), target: { id: targetId, organizationId, mergedIntoId }, mergedIntoThis });
        return;
      }
    }
  }

  for (const { requestId, label, at: time, action } of schedule) {
    const build = buildOf(requestId, requestId);
    const at = new Date(time);
    switch (action.type) {
      case "step":
        playStep(build, label, action.step, at);
        break;
      case "chat_start": {
        checkCustomer(build, action.customer, "chat customer");
        assign(build, action.agent);
        rows.chatSessions.push({ id: action.sessionId, requestId, startedById: userId(action.customer), startedAt: at, endedAt: new Date(action.endedAt), status: "ended", endedBy: "customer", lastMessageAt: new Date(action.endedAt) });
        // Starting a chat about a request counts as a customer message: it reopens a solved one.
        apply(build, label, { type: "chat_started", at, customerId: userId(action.customer), chatSessionId: action.sessionId });
        break;
      }
      case "chat_line": {
        rows.chatMessages.push({
          id: action.messageId,
          sessionId: action.sessionId,
          authorId: userId(action.author),
          body: action.body,
          sentAt: at,
        });
        // A chat line is a public message like a reply: it moves the reply times the service level
        // counts from, but never the status (the chat's start already made the request Open).
        const command: RequestCommand = isAgentKey(action.author)
          ? { type: "agent_reply", at, agentId: userId(action.author), then: statusAfterReply(requestId, build.state, undefined) }
          : { type: "customer_reply", at, authorId: userId(action.author), channel: "chat" };
        if (apply(build, label, command).length > 0) fail(requestId, `${label}: a chat line must not change the request's status`);
        break;
      }
    }
  }

  for (const build of builds.values()) {
    const { script, state } = build;
    rows.requests.push({
      id: script.id,
      subject: script.subject,
      description: script.description,
      requesterId: state.requesterId,
      organizationId: state.organizationId,
      assigneeId: build.assignee ? userId(build.assignee) : null,
      channel: build.channel,
      createdAt: state.createdAt,
      ...requestStateData(state, serviceLevel(state, options.now, DEFAULT_SERVICE_LEVEL_POLICY)?.dueAt ?? null),
    });
  }

  for (const build of builds.values()) {
    const { script } = build;
    if (!script.access) continue;
    const spec = script.access;
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
      decidedAt: spec.decidedAfterHours !== undefined ? new Date(build.createdAt + spec.decidedAfterHours * HOUR) : null,
      supportRequestId: script.id,
      note: spec.note ?? null,
      createdAt: new Date(build.createdAt),
    });
    if (spec.grant) {
      if (spec.approvalState !== "not_required" && spec.approvalState !== "approved") fail(script.id, "only approved access can be granted");
      const solved = build.firstSolve ?? fail(script.id, "a granted access request must be solved (the grant is given then)");
      rows.accessGrants.push({
        id: `seed-grant-${script.id}`,
        organizationId: DEMO_ORGANIZATIONS[script.org].id,
        userId: requester.id,
        grantedById: solved.actorId ?? fail(script.id, "the grant must be given by the agent who solved the request"),
        accessRequestId: accessId,
        grantedAt: solved.at,
        expiresAt: null,
        revokedAt: null,
        revokedById: null,
      });
    }
  }

  // Each demo file goes with the message that mentions it, uploaded by its author a minute before,
  // scanned and clean.
  for (const file of DEMO_ATTACHMENTS) {
    const comment = rows.comments.find((candidate) => candidate.requestId === file.requestId && candidate.body.includes(file.inMessage));
    if (!comment?.id || !comment.createdAt) fail(file.requestId, `no message says "${file.inMessage}" for ${file.fileName}`);
    const bytes = file.bytes();
    const sha256 = sha256Of(bytes);
    const attachedAt = new Date(comment.createdAt);
    rows.attachments.push({
      id: file.id,
      requestId: file.requestId,
      commentId: comment.id,
      uploaderId: comment.authorId,
      fileName: file.fileName,
      contentType: sniffContentType(bytes.subarray(0, SNIFF_BYTES)),
      declaredType: file.declaredType,
      byteSize: bytes.length,
      sha256,
      storageKey: keyFor(sha256),
      scanStatus: "clean",
      scannedAt: new Date(attachedAt.getTime() - 30_000),
      createdAt: new Date(attachedAt.getTime() - MINUTE),
      attachedAt,
    });
  }

  checkSpecialWords(rows);
  const demoMail = demoInboundMail(now);
  rows.inboundMail.push(...demoMail.mail);
  rows.events.push(...demoMail.events);
  return rows;
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
    attachments: rows.attachments.length,
    inboundMail: rows.inboundMail.length,
  };
}

/**
 * Inserts the demo dataset. Idempotent: every row has a fixed id and is written with
 * `skipDuplicates`, so a second call inserts nothing (see `inserted`) and changes nothing.
 */
export async function seedDemoData(db: Database, options: { now: Date; passwordHash: string; store: AttachmentStore | null }): Promise<SeedSummary> {
  const rows = buildDemoRows(options);
  // The files' bytes first (a key that holds them already is left alone); without a store the
  // attachment rows are left out, as they would name bytes that are nowhere.
  if (options.store) await storeDemoFiles(options.store);
  const attachmentRows = options.store ? rows.attachments : [];
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
      const attachments = (await tx.attachment.createMany({ data: attachmentRows, skipDuplicates: true })).count;
      const inboundMail = (await tx.inboundMail.createMany({ data: rows.inboundMail, skipDuplicates: true })).count;
      await tx.apiToken.createMany({
        data: [{ id: "seed-api-token-alice", userId: DEMO_USERS.alice.id, name: "Demo token", prefix: DEMO_API_TOKEN.slice(0, TOKEN_PREFIX.length + 6), hash: hashApiToken(DEMO_API_TOKEN), access: "write", createdAt: options.now }],
        skipDuplicates: true,
      });
      return { organizations, users, memberships, requests, requestCcs, comments, chatSessions, chatMessages, events, accessRequests, accessGrants, attachments, inboundMail };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return { ...countRows({ ...rows, attachments: attachmentRows }), inserted };
}

async function storeDemoFiles(store: AttachmentStore): Promise<void> {
  for (const file of DEMO_ATTACHMENTS) {
    const bytes = file.bytes();
    const key = keyFor(sha256Of(bytes));
    if (await store.has(key)) continue;
    const path = join(tmpdir(), `portico-seed-${randomBytes(8).toString("hex")}`);
    await writeFile(path, bytes);
    try {
      await store.put(key, path, bytes.length);
    } finally {
      await rm(path, { force: true });
    }
  }
}
