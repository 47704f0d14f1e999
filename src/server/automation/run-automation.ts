import {
  DEFAULT_REMINDER_POLICY,
  DEFAULT_SERVICE_LEVEL_POLICY,
  PRIORITY_CODES,
  decide,
  nextReminderStep,
  serviceLevel,
  type ReminderPolicy,
  type EventRecord,
  type RequestState,
  type ServiceLevelPolicy,
} from "@/domain";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { eventRow } from "@/server/requests/event-rows";
import { requestStateData, requestStateSelect, toRequestState } from "@/server/requests/request-state";

// One pass of the automation (docs/automation.md): reminders and no-response solves on Pending
// requests (PRODUCT.md §4.4), then service-level breaches (§3). The database is the only source of
// truth: every request is claimed with `FOR UPDATE SKIP LOCKED` in its own short transaction, so
// passes running at once on several app instances share the work and never act twice, and a pass
// interrupted by a restart leaves nothing half done. The domain decides each claimed request again.

export interface AutomationOptions {
  now: Date;
  reminderPolicy?: ReminderPolicy;
  serviceLevelPolicy?: ServiceLevelPolicy;
  /** At most this many requests of each kind per pass; the next pass continues. */
  batchSize?: number;
}

export interface AutomationResult {
  reminded: number;
  solved: number;
  breached: number;
}

/** Sent as the reminder's public reply. English for now: comments carry no locale. */
export const REMINDER_BODY =
  "Reminder: we are waiting for your reply to continue with this request. If we do not hear from you, it will be solved.";

export const DEFAULT_AUTOMATION_BATCH_SIZE = 100;

export async function runAutomation(db: Database, options: AutomationOptions): Promise<AutomationResult> {
  const { now, reminderPolicy = DEFAULT_REMINDER_POLICY, serviceLevelPolicy = DEFAULT_SERVICE_LEVEL_POLICY } = options;
  const batchSize = options.batchSize ?? DEFAULT_AUTOMATION_BATCH_SIZE;
  const result: AutomationResult = { reminded: 0, solved: 0, breached: 0 };

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
  return result;
}

type ReminderOutcome = "reminded" | "solved" | "skipped";

/** Claims the next due Pending request after `after` and reminds it or solves it; null when none is left. */
async function remindOrSolveNext(
  db: Database,
  after: number,
  now: Date,
  policy: ReminderPolicy,
  serviceLevelPolicy: ServiceLevelPolicy,
): Promise<{ requestId: number; outcome: ReminderOutcome } | null> {
  return db.$transaction(async (tx) => {
    // Locked rows belong to another pass (or a writer): skip them rather than wait.
    const [claimed] = await tx.$queryRaw<{ id: number }[]>`
      SELECT id FROM "Request"
      WHERE status = 'pending' AND id > ${after} AND (${reminderDueCondition(now, policy)})
      ORDER BY id
      LIMIT 1
      FOR UPDATE SKIP LOCKED`;
    if (!claimed) return null;
    const requestId = claimed.id;

    // Read under the lock: the latest committed state, which no one can change until we commit.
    const row = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: { ...requestStateSelect, assigneeId: true } });
    const state = toRequestState(row);
    const step = nextReminderStep(state, now, policy);
    if (step.action === "send_reminder") {
      const decision = decide(state, { type: "send_reminder", at: now, agentId: null });
      if (!decision.ok) return { requestId, outcome: "skipped" };
      const authorId = row.assigneeId ?? (await firstAgentId(tx));
      if (authorId === null) return { requestId, outcome: "skipped" };
      const comment = await tx.comment.create({
        data: { requestId, authorId, body: REMINDER_BODY, visibility: "public", channel: "web", isReminder: true, createdAt: now },
        select: { id: true },
      });
      await write(tx, now, serviceLevelPolicy, row.version, decision.state, decision.records, comment.id);
      return { requestId, outcome: "reminded" };
    }
    if (step.action === "solve_no_response") {
      const decision = decide(state, { type: "solve_no_response", at: now, policy });
      if (!decision.ok) return { requestId, outcome: "skipped" };
      await write(tx, now, serviceLevelPolicy, row.version, decision.state, decision.records, null);
      return { requestId, outcome: "solved" };
    }
    return { requestId, outcome: "skipped" };
  });
}

/** The new state with the version check, and the domain's records linked to the reminder comment. */
async function write(
  tx: Prisma.TransactionClient,
  now: Date,
  serviceLevelPolicy: ServiceLevelPolicy,
  version: number,
  state: RequestState,
  records: EventRecord[],
  commentId: string | null,
): Promise<void> {
  // Pending owes nothing and Solved neither, but the due time is the domain's to say.
  const dueAt = serviceLevel(state, now, serviceLevelPolicy)?.dueAt ?? null;
  const updated = await tx.request.updateMany({
    where: { id: state.id, version },
    data: { ...requestStateData(state, dueAt), version: { increment: 1 } },
  });
  // Cannot happen under the row lock; if it does, roll everything back rather than write on a stale state.
  if (updated.count === 0) throw new Error(`Request ${state.id} changed while locked by the automation.`);
  if (records.length > 0) await tx.requestEvent.createMany({ data: records.map((record) => eventRow(record, commentId)) });
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
async function firstAgentId(tx: Prisma.TransactionClient): Promise<string | null> {
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
  return db.$transaction(async (tx) => {
    // Breached means strictly after the due time, as in the domain.
    const [claimed] = await tx.$queryRaw<{ id: number }[]>`
      SELECT r.id FROM "Request" r
      WHERE r.status IN ('open', 'on_hold') AND r."responseDueAt" < ${now.toISOString()}::timestamp AND r.id > ${after}
        AND ${NOT_YET_MARKED}
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

    const row = await tx.request.findUniqueOrThrow({ where: { id: requestId }, select: requestStateSelect });
    // The kind of target comes from the domain; the missed time is the stored one, which identifies the breach.
    const level = serviceLevel(toRequestState(row), now, policy);
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
