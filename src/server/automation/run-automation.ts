import {
  AUTOMATION_ACTOR,
  DEFAULT_REMINDER_POLICY,
  DEFAULT_SERVICE_LEVEL_POLICY,
  PRIORITY_CODES,
  nextReminderStep,
  serviceLevel,
  visibleRequestsFilter,
  type ReminderPolicy,
  type ServiceLevelPolicy,
  type SessionPolicy,
} from "@/domain";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { refusedWith } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { changeRequestIn, type Transaction } from "@/server/requests/change-request";
import { findRequestFor } from "@/server/requests/request-gate";
import { requestStateSelect, toRequestState } from "@/server/requests/request-state";
import { visibleRequestsSql } from "@/server/requests/visibility-query";
import { readAutomationConfig, readMailConfig, readSessionConfig } from "@/config/env";
import { getAttachmentStore, getScanner } from "@/server/attachments";
import { forgetUnclaimedAttachments } from "@/server/attachments/cleanup";
import { scanPendingAttachments } from "@/server/attachments/scan";
import { endIdleChats } from "@/server/chat/chat-actions";
import type { Scanner } from "@/server/attachments/scanner";
import type { AttachmentStore } from "@/server/attachments/store";
import { handleReceivedMail } from "@/server/mail/inbound/receive";
import { forgetOldPasswordResets } from "@/server/people/reset-password";
import { forgetOldStreamEvents } from "@/server/realtime/stream-events";
import { forgetOldIdempotentResponses } from "@/server/api/idempotency";
import { forgetOldRateWindows } from "@/server/api/rate-limit";
import { forgetOldSessions } from "@/server/security/sessions";
import { forgetOldThrottles } from "@/server/security/throttle";
import { forgetOldSubmissions } from "@/server/submissions";

// One pass of the automation (docs/automation.md): reminders and no-response solves on Pending
// requests (docs/product.md §4.4), then service-level breaches (§3), then chats nobody wrote in for
// CHAT_IDLE_MINUTES are ended (their transcripts mailed), then housekeeping: the forms'
// submission keys past their retention (src/server/submissions.ts), sessions long over and sign-in
// counts that slow nobody down any more (src/server/security/) are forgotten, so those tables stay small;
// attachments still waiting for a malware verdict are scanned again when CLAMD_URL is set; last, inbound
// mail a stopped process stored but never handled is handled (src/server/mail/inbound/receive.ts). The
// database is the only source of truth: every request is claimed with `FOR UPDATE SKIP LOCKED` in its
// own short transaction, so passes running at once on several app instances share the work and never
// act twice, and a pass interrupted by a restart leaves nothing half done. The automation acts as the
// domain's `AUTOMATION_ACTOR`, through the same gate and the same `changeRequest` as a person, and the
// domain decides each claimed request again.

export interface AutomationOptions {
  now: Date;
  reminderPolicy?: ReminderPolicy;
  serviceLevelPolicy?: ServiceLevelPolicy;
  /** At most this many requests of each kind per pass; the next pass continues. */
  batchSize?: number;
  sessionPolicy?: SessionPolicy;
  /** Where pending attachments are scanned again; by default the configured ones, none without CLAMD_URL. */
  scanning?: { scanner: Scanner; store: AttachmentStore } | null;
  /** The store unclaimed files are removed from (default: the configured one). */
  attachmentStore?: AttachmentStore;
  /** How long a chat may go without a line before it ends (default: CHAT_IDLE_MINUTES). */
  chatIdleMs?: number;
}

export interface AutomationResult {
  reminded: number;
  solved: number;
  breached: number;
  /** Chats nobody wrote in for the idle time, ended. */
  endedIdleChats: number;
  /** Submission keys older than their retention, deleted. */
  forgottenSubmissions: number;
  /** Sessions long ended or abandoned, and sign-in counts that no longer slow anyone down, deleted. */
  forgottenSessions: number;
  forgottenThrottles: number;
  /** Password reset links used or expired more than a day ago. */
  forgottenPasswordResets: number;
  /** Live-update events older than a week (docs/realtime.md). */
  forgottenStreamEvents: number;
  /** API answers kept under an Idempotency-Key, and rate-limit minutes, past their time. */
  forgottenApiRecords: number;
  /** Attachments still pending (the scanner failed before) that got their verdict. */
  scannedAttachments: number;
  /** Files uploaded for a message never sent, forgotten after a day. */
  forgottenAttachments: number;
  /** Inbound mail stored but not handled (the process stopped in between), handled now. */
  handledMail: number;
}

/** Sent as the reminder's public reply. English for now: comments carry no locale. */
export const REMINDER_BODY =
  "Reminder: we are waiting for your reply to continue with this request. If we do not hear from you, it will be solved.";

export const DEFAULT_AUTOMATION_BATCH_SIZE = 100;

export async function runAutomation(db: Database, options: AutomationOptions): Promise<AutomationResult> {
  const { now, reminderPolicy = DEFAULT_REMINDER_POLICY, serviceLevelPolicy = DEFAULT_SERVICE_LEVEL_POLICY } = options;
  const batchSize = options.batchSize ?? DEFAULT_AUTOMATION_BATCH_SIZE;
  const result: AutomationResult = { reminded: 0, solved: 0, breached: 0, endedIdleChats: 0, forgottenSubmissions: 0, forgottenSessions: 0, forgottenThrottles: 0, forgottenPasswordResets: 0, forgottenStreamEvents: 0, forgottenApiRecords: 0, scannedAttachments: 0, forgottenAttachments: 0, handledMail: 0 };

  // The id cursor guarantees progress: a request the domain leaves alone is not claimed again this pass.
  let after = 0;
  for (let handled = 0; handled < batchSize; handled++) {
    const step = await remindOrSolveNext(db, after, now, reminderPolicy, serviceLevelPolicy);
    if (step === null) break;
    after = step.requestId;
    if (step.outcome === "reminded") result.reminded++;
    if (step.outcome === "solved") result.solved++;
  }

  after = 0;
  for (let handled = 0; handled < batchSize; handled++) {
    const step = await markBreachNext(db, after, now, serviceLevelPolicy);
    if (step === null) break;
    after = step.requestId;
    if (step.marked) result.breached++;
  }

  // Each chat is ended in its own transaction, once: a pass on another instance that got there first wins.
  result.endedIdleChats = await endIdleChats(db, now, options.chatIdleMs ?? readAutomationConfig().chatIdleMs);

  // One statement on an index; passes on several instances at once delete each row once.
  result.forgottenSubmissions = await forgetOldSubmissions(db, now);
  result.forgottenSessions = await forgetOldSessions(db, now, options.sessionPolicy ?? readSessionConfig());
  result.forgottenThrottles = await forgetOldThrottles(db, now);
  result.forgottenPasswordResets = await forgetOldPasswordResets(db, now);
  result.forgottenStreamEvents = await forgetOldStreamEvents(db, now);
  result.forgottenApiRecords = (await forgetOldIdempotentResponses(db, now)) + (await forgetOldRateWindows(db, now));

  // Files that waited for a scanner that was down: tried again with a backoff (src/server/attachments/scan.ts).
  const scanning = options.scanning === undefined ? configuredScanning() : options.scanning;
  if (scanning) result.scannedAttachments = await scanPendingAttachments(db, scanning.store, scanning.scanner, now, batchSize);
  result.forgottenAttachments = (await forgetUnclaimedAttachments(db, options.attachmentStore ?? getAttachmentStore(), now, batchSize)).attachments;
  result.handledMail = await handleReceivedMail(db, { now, config: readMailConfig(), batchSize });
  return result;
}

function configuredScanning(): { scanner: Scanner; store: AttachmentStore } | null {
  const scanner = getScanner();
  return scanner ? { scanner, store: getAttachmentStore() } : null;
}

type ReminderOutcome = "reminded" | "solved" | "skipped";

/** The automation as a viewer: its own actor, the pass's clock. Its comments are written in the portal. */
function automationViewer(now: Date): Viewer {
  return { actor: AUTOMATION_ACTOR, now, channel: "web" };
}

/** Claims the next due Pending request after `after` and reminds it or solves it; null when none is left. */
async function remindOrSolveNext(
  db: Database,
  after: number,
  now: Date,
  policy: ReminderPolicy,
  serviceLevelPolicy: ServiceLevelPolicy,
): Promise<{ requestId: number; outcome: ReminderOutcome } | null> {
  const viewer = automationViewer(now);
  return db.$transaction(async (tx) => {
    // Locked rows belong to another pass (or a writer): skip them rather than wait.
    const [claimed] = await tx.$queryRaw<{ id: number }[]>`
      SELECT r.id FROM "Request" r
      WHERE r.status = 'pending' AND r.id > ${after} AND (${reminderDueCondition(now, policy)})
        AND ${visibleRequestsSql(visibleRequestsFilter(viewer.actor, now))}
      ORDER BY r.id
      LIMIT 1
      FOR UPDATE OF r SKIP LOCKED`;
    if (!claimed) return null;
    const requestId = claimed.id;

    // Read under the lock: the latest committed state, which no one can change until we commit.
    let reminderAuthor: string | null = null;
    const result = await changeRequestIn(tx, {
      requestId,
      viewer,
      may: ["work_request"],
      serviceLevelPolicy,
      makeCommand: async (state, _tx, { request }) => {
        const step = nextReminderStep(state, now, policy);
        if (step.action === "solve_no_response") return { type: "solve_no_response", at: now, policy };
        if (step.action !== "send_reminder") return refusedWith("nothing_due", "Nothing is due on this request.");
        reminderAuthor = request.assigneeId ?? (await firstAgentId(tx));
        return reminderAuthor ? { type: "send_reminder", at: now, agentId: null } : refusedWith("no_agent", "No agent account can sign the reminder.");
      },
      comment: (command) =>
        command?.type === "send_reminder" && reminderAuthor ? { body: REMINDER_BODY, visibility: "public", isReminder: true, authorId: reminderAuthor } : null,
    });
    if (!result.ok) return { requestId, outcome: "skipped" };
    return { requestId, outcome: result.state.status === "solved" ? "solved" : "reminded" };
  });
}

/**
 * Pending requests whose next reminder step is due, exactly as `nextReminderStep` computes it (the
 * domain still decides each one): per priority, the wait after the last contact depends on how many
 * reminders were sent.
 */
function reminderDueCondition(now: Date, policy: ReminderPolicy): Prisma.Sql {
  const lastContact = Prisma.sql`coalesce("lastReminderAt", "lastAgentReplyAt", "lastActivityAt")`;
  const notAfter = (waitMs: number) => Prisma.sql`${lastContact} <= ${new Date(now.getTime() - waitMs).toISOString()}::timestamp`;
  return Prisma.join(
    PRIORITY_CODES.map((priority) => {
      const rule = policy[priority];
      const reminders = Math.max(1, rule.reminders);
      return Prisma.sql`(priority = ${priority}::"Priority" AND (
        ("reminderCount" = 0 AND ${notAfter(rule.firstReminderAfterMs)})
        OR ("reminderCount" > 0 AND "reminderCount" < ${reminders} AND ${notAfter(rule.reminderIntervalMs)})
        OR ("reminderCount" >= ${reminders} AND ${notAfter(rule.solveAfterLastReminderMs)})))`;
    }),
    " OR ",
  );
}

/** Who signs a reminder on an unassigned request: the oldest agent account, a stable choice. */
async function firstAgentId(tx: Transaction): Promise<string | null> {
  const agent = await tx.user.findFirst({ where: { isAgent: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
  return agent?.id ?? null;
}

/**
 * A breach is identified by its request and the due time that was missed (`data.dueAt`): marked once,
 * and again only when a change sets a new due time that is missed too.
 */
const NOT_YET_MARKED = Prisma.sql`NOT EXISTS (
  SELECT 1 FROM "RequestEvent" e
  WHERE e."requestId" = r.id AND e.type = 'sla_breached' AND (e.data->>'dueAt')::timestamp = r."responseDueAt")`;

/** Claims the next request after `after` whose service-level due time has passed unmarked, and marks it. */
async function markBreachNext(
  db: Database,
  after: number,
  now: Date,
  policy: ServiceLevelPolicy,
): Promise<{ requestId: number; marked: boolean } | null> {
  const viewer = automationViewer(now);
  return db.$transaction(async (tx) => {
    // Breached strictly after the due time, as in the domain (`isBreached`).
    const [claimed] = await tx.$queryRaw<{ id: number }[]>`
      SELECT r.id FROM "Request" r
      WHERE r.status IN ('open', 'on_hold') AND r."responseDueAt" < ${now.toISOString()}::timestamp AND r.id > ${after}
        AND ${visibleRequestsSql(visibleRequestsFilter(viewer.actor, now))} AND ${NOT_YET_MARKED}
      ORDER BY r.id
      LIMIT 1
      FOR UPDATE OF r SKIP LOCKED`;
    if (!claimed) return null;
    const requestId = claimed.id;

    // Marking changes no request column, so the claim's snapshot may predate another pass's mark:
    // look again now that we hold the lock (a new statement sees everything committed before it).
    const [unmarked] = await tx.$queryRaw<{ responseDueAt: Date; stillUnmarked: boolean }[]>`
      SELECT r."responseDueAt", ${NOT_YET_MARKED} AS "stillUnmarked" FROM "Request" r WHERE r.id = ${requestId}`;
    if (!unmarked?.stillUnmarked) return { requestId, marked: false };

    const opened = await findRequestFor(tx, viewer, requestId, { may: ["work_request"], select: requestStateSelect });
    if (!opened.ok) return { requestId, marked: false };
    // The kind of target comes from the domain; the missed time is the stored one, which identifies the breach.
    const level = serviceLevel(toRequestState(opened.request), now, policy);
    if (level === null) return { requestId, marked: false };
    await tx.requestEvent.create({
      data: {
        requestId,
        actorId: null,
        type: "sla_breached",
        data: { kind: level.kind, dueAt: unmarked.responseDueAt.toISOString() },
        createdAt: now,
      },
    });
    return { requestId, marked: true };
  });
}
