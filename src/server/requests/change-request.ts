import {
  DEFAULT_SERVICE_LEVEL_POLICY,
  decide,
  serviceLevel,
  type CommentVisibility,
  type Decision,
  type EventRecord,
  type RequestAction,
  type RequestCommand,
  type RequestState,
  type ServiceLevelPolicy,
} from "@/domain";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { notifyChange } from "@/server/mail/notify";
import { recordRequestChanged } from "@/server/realtime/stream-events";
import { conflict, refused, type Failure, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { onceIn, type Submission, type SubmissionAnswer } from "@/server/submissions";
import { defineUseCase } from "@/server/use-case";
import { AttachmentsRefused, attachFiles } from "./attach-files";
import { eventRow } from "./event-rows";
import { findRequestFor, type OpenedRequest } from "./request-gate";
import { requestStateData, requestStateSelect, toRequestState, type RequestStateRow } from "./request-state";

// Every write to a request goes through here (docs/product.md §3–5): open the request through the
// gate, let the domain decide, write the comment, the new state and the events together, and compare
// the request's version on the way out. When someone else changed the request in between, the whole
// transaction is undone and the change decided again on what they left — so two people acting at
// once both land (docs/decisions/0010-optimistic-concurrency.md).

export type Transaction = Prisma.TransactionClient;

/** Thrown inside the transaction when a write found the request (or a related one) changed since it was read. */
export class ConcurrentChange extends Error {}

/** Two concurrent writers each lose the race at most once to the other; a third try is slack. */
const MAX_ATTEMPTS = 3;

export interface ChangeComment {
  body: string;
  visibility: CommentVisibility;
  isReminder?: boolean;
  /** Who signs it; the viewer unless said otherwise (the automation signs reminders for an agent). */
  authorId?: string;
  /** The viewer's files uploaded ahead, which go with this comment (and its visibility), or the change is not made. */
  attachmentIds?: readonly string[];
}

export interface ChangeContext {
  /** The state the decision started from. */
  before: RequestState;
  /** The state written: the domain's decision, or `before` when no command was given. */
  state: RequestState;
  commentId: string | null;
  records: readonly EventRecord[];
}

export interface ChangeRequestInput {
  requestId: number;
  viewer: Viewer;
  /** The service-level targets the new due time follows (the automation's may be configured). */
  serviceLevelPolicy?: ServiceLevelPolicy;
  /** What the viewer must be allowed on this request besides seeing it; otherwise it is "not found" to them. */
  may: readonly RequestAction[];
  /**
   * The domain command for the current state, or a failure of the caller's own. Absent for changes
   * the workflow does not rule on (an internal note, an assignment): the state stays as it is.
   */
  makeCommand?: (state: RequestState, tx: Transaction, opened: OpenedRequest<RequestStateRow>) => RequestCommand | Failure | Promise<RequestCommand | Failure>;
  /** The message written with the change; a function when it depends on the command (a reminder). */
  comment?: ChangeComment | ((command: RequestCommand | undefined) => ChangeComment | null);
  /** Columns outside the workflow state written with the same versioned update (the assignee). */
  extraData?: Prisma.RequestUncheckedUpdateManyInput;
  /** More writes in the same transaction; throw ConcurrentChange when they find something changed. */
  extraWrites?: (tx: Transaction, context: ChangeContext) => Promise<void>;
}

export type ChangeResult = { commentId: string | null; before: RequestState; state: RequestState; records: readonly EventRecord[] };
export type ChangeOutcome = Outcome<ChangeResult>;

const isFailure = (value: RequestCommand | Failure): value is Failure => "ok" in value;

/** The change in a transaction of its own, decided again when someone else changed the request first. */
export function changeRequest(db: Database, input: ChangeRequestInput): Promise<ChangeOutcome> {
  return decidedAgainOnConcurrentChange(db, (tx) => changeRequestIn(tx, input));
}

/**
 * The change for a form's submission, made at most once (src/server/submissions.ts): the key is
 * claimed in the change's transaction, and a repeat answers what the first submission answered.
 */
export function changeRequestOnce<Answer extends SubmissionAnswer>(
  db: Database,
  input: ChangeRequestInput,
  submission: Submission,
  answer: (changed: ChangeResult) => Answer,
): Promise<Outcome<Answer>> {
  return decidedAgainOnConcurrentChange(db, (tx) =>
    onceIn(tx, input.viewer, submission, async () => {
      const changed = await changeRequestIn(tx, input);
      return changed.ok ? { ok: true, ...answer(changed) } : changed;
    }),
  );
}

/** Runs `change` in a transaction, again (in a new one) when it threw ConcurrentChange; after that, a conflict. */
async function decidedAgainOnConcurrentChange<Result extends object>(db: Database, change: (tx: Transaction) => Promise<Outcome<Result>>): Promise<Outcome<Result>> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      return await db.$transaction(change);
    } catch (error) {
      // Files that could not be attached undid the whole change: the form is told which.
      if (error instanceof AttachmentsRefused) return error.failure;
      if (!(error instanceof ConcurrentChange)) throw error;
    }
  }
  return conflict();
}

/** The change inside the caller's transaction (the automation holds the request's row lock). */
export async function changeRequestIn(tx: Transaction, input: ChangeRequestInput): Promise<ChangeOutcome> {
  const { requestId, viewer } = input;
  const opened = await findRequestFor(tx, viewer, requestId, { may: input.may, select: requestStateSelect });
  if (!opened.ok) return opened;
  const before = toRequestState(opened.request);

  let decision: Decision = { ok: true, state: before, records: [], related: [] };
  let command: RequestCommand | undefined;
  if (input.makeCommand) {
    const made = await input.makeCommand(before, tx, opened);
    if (isFailure(made)) return made;
    command = made;
    decision = decide(before, command);
    if (!decision.ok) return refused(decision.refusal);
  }
  const { state, records, related } = decision;
  const { now, actor, channel } = viewer;

  const message = typeof input.comment === "function" ? input.comment(command) : input.comment;
  const comment = message
    ? await tx.comment.create({
        data: {
          requestId,
          authorId: message.authorId ?? actor.userId,
          body: message.body,
          visibility: message.visibility,
          isReminder: message.isReminder ?? false,
          channel,
          createdAt: now,
        },
        select: { id: true },
      })
    : null;
  const commentId = comment?.id ?? null;
  if (comment && message?.attachmentIds) await attachFiles(tx, viewer, { attachmentIds: message.attachmentIds, requestId, commentId: comment.id });

  const dueAt = serviceLevel(state, now, input.serviceLevelPolicy ?? DEFAULT_SERVICE_LEVEL_POLICY)?.dueAt ?? null;
  const updated = await tx.request.updateMany({
    where: { id: requestId, version: opened.request.version },
    data: { ...(input.makeCommand ? requestStateData(state, dueAt) : {}), ...input.extraData, version: { increment: 1 } },
  });
  // Someone changed the request since we read it: undo everything and decide again on the new state.
  if (updated.count === 0) throw new ConcurrentChange();

  // Requests merged into this one follow it — only if they still point here.
  for (const change of related) {
    const moved = await tx.request.updateMany({
      where: { id: change.requestId, mergedIntoId: requestId },
      data: { mergedIntoId: change.mergedIntoId, version: { increment: 1 } },
    });
    if (moved.count === 0) throw new ConcurrentChange();
  }
  if (records.length > 0) await tx.requestEvent.createMany({ data: records.map((record) => eventRow(record, commentId)) });
  await input.extraWrites?.(tx, { before, state, commentId, records });
  // The mail this change causes is written with it: a change undone sends nothing.
  const assigned = input.extraData?.assigneeId;
  await notifyChange(tx, {
    requestId,
    actorId: actor.isAutomation ? null : actor.userId,
    actorIsAgent: actor.isAgent,
    now,
    commentId,
    records,
    newAssigneeId: typeof assigned === "string" && assigned !== opened.request.assigneeId ? assigned : null,
  });
  // Open pages of the request hear of it once this commits (docs/realtime.md).
  await recordRequestChanged(tx, { requestId, internal: message?.visibility === "internal", data: { commentId, status: state.status, priority: state.priority } });
  return { ok: true, commentId, before, state, records };
}

/**
 * A use case that is one change to the request its input names (the agent console's actions): the
 * input parsed, the change planned — or refused before anything is read — and made by changeRequest.
 */
export function defineRequestChange<Input extends z.ZodType<{ requestId: number }>>(
  input: Input,
  plan: (viewer: Viewer, input: z.output<Input>, db: Database) => ChangePlan | Failure | Promise<ChangePlan | Failure>,
) {
  return defineUseCase({
    input,
    identifies: ["requestId"],
    run: async (db: Database, viewer: Viewer, parsed): Promise<Outcome> => {
      const planned = await plan(viewer, parsed, db);
      if ("ok" in planned) return planned;
      const { submission, ...change } = planned;
      const input = { ...change, requestId: parsed.requestId, viewer };
      if (submission) return changeRequestOnce(db, input, submission, () => ({}));
      const result = await changeRequest(db, input);
      return result.ok ? { ok: true } : result;
    },
  });
}

export type ChangePlan = Omit<ChangeRequestInput, "requestId" | "viewer"> & {
  /** The form's submission, when the change creates something a second submission must not create again. */
  submission?: Submission;
};
