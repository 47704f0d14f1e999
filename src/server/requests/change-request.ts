import "server-only";
import {
  DEFAULT_SERVICE_LEVEL_POLICY,
  can,
  decide,
  serviceLevel,
  type CommentVisibility,
  type EventRecord,
  type Refusal,
  type RequestAction,
  type RequestCommand,
  type RequestState,
} from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import type { Viewer } from "@/server/access/viewer";
import { eventRow } from "./event-rows";
import { requestStateData, requestStateSelect, toRequestState } from "./request-state";
import { requestAccessSelect, toRequestAccess, visibleRequestWhere } from "./visible-request";

// Every write to a request goes through here (PRODUCT.md §3–5): read the row and its version, let
// the domain decide, write the comment, the new state and the events together, and compare the
// version on the way out. When someone else changed the request in between, the whole transaction
// is undone and the change decided again on what they left — so two people acting at once both land.

export type Transaction = Prisma.TransactionClient;

/** Thrown inside the transaction when a write found the request (or a related one) changed since it was read. */
export class ConcurrentChange extends Error {}

/** Two concurrent writers each lose the race at most once to the other; a third try is slack. */
const MAX_ATTEMPTS = 3;

export interface ChangeComment {
  body: string;
  visibility: CommentVisibility;
  isReminder?: boolean;
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
  viewer: Pick<Viewer, "actor" | "now">;
  /** What the actor must be allowed on this request; otherwise it is "not found" to them. */
  permissions: readonly RequestAction[];
  /**
   * The domain command for the current state, or a refusal of the caller's own. Absent for changes
   * the workflow does not rule on (an internal note, an assignment): the state stays as it is.
   */
  makeCommand?: (state: RequestState, tx: Transaction) => RequestCommand | Refusal | Promise<RequestCommand | Refusal>;
  comment?: ChangeComment;
  /** Columns outside the workflow state written with the same versioned update (the assignee). */
  extraData?: Prisma.RequestUncheckedUpdateManyInput;
  /** More writes in the same transaction; throw ConcurrentChange when they find something changed. */
  extraWrites?: (tx: Transaction, context: ChangeContext) => Promise<void>;
}

export type ChangeResult =
  | { ok: true; commentId: string | null; before: RequestState; state: RequestState; records: readonly EventRecord[] }
  /** Does not exist, or the viewer may not see it or may not act on it: the same answer for all. */
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "refused"; refusal: Refusal }
  /** Others kept changing the request while this change was made; nothing was saved. */
  | { ok: false; reason: "conflict" };

const isRefusal = (value: RequestCommand | Refusal): value is Refusal => !("type" in value);

export async function changeRequest(db: Database, input: ChangeRequestInput): Promise<ChangeResult> {
  const { requestId, viewer, permissions } = input;
  const { actor, now } = viewer;

  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    try {
      return await db.$transaction(async (tx): Promise<ChangeResult> => {
        const row = await tx.request.findFirst({
          where: visibleRequestWhere(actor, now, requestId),
          select: { ...requestStateSelect, ...requestAccessSelect },
        });
        if (!row) return { ok: false, reason: "not_found" };
        const access = toRequestAccess(row);
        if (!can(actor, "view_request", access, now) || !permissions.every((action) => can(actor, action, access, now))) {
          return { ok: false, reason: "not_found" };
        }

        const before = toRequestState(row);
        let state = before;
        let records: EventRecord[] = [];
        let related: Array<{ requestId: number; mergedIntoId: number }> = [];
        if (input.makeCommand) {
          const command = await input.makeCommand(before, tx);
          if (isRefusal(command)) return { ok: false, reason: "refused", refusal: command };
          const decision = decide(before, command);
          if (!decision.ok) return { ok: false, reason: "refused", refusal: decision.refusal };
          ({ state, records, related } = decision);
        }

        const comment = input.comment
          ? await tx.comment.create({
              data: {
                requestId,
                authorId: actor.userId,
                body: input.comment.body,
                visibility: input.comment.visibility,
                isReminder: input.comment.isReminder ?? false,
                channel: "web",
                createdAt: now,
              },
              select: { id: true },
            })
          : null;
        const commentId = comment?.id ?? null;

        const dueAt = serviceLevel(state, now, DEFAULT_SERVICE_LEVEL_POLICY)?.dueAt ?? null;
        const updated = await tx.request.updateMany({
          where: { id: requestId, version: row.version },
          data: {
            ...(input.makeCommand ? requestStateData(state, dueAt) : {}),
            ...input.extraData,
            version: { increment: 1 },
          },
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
        if (records.length > 0) {
          await tx.requestEvent.createMany({ data: records.map((record) => eventRow(record, commentId)) });
        }
        await input.extraWrites?.(tx, { before, state, commentId, records });
        return { ok: true, commentId, before, state, records };
      });
    } catch (error) {
      if (!(error instanceof ConcurrentChange)) throw error;
    }
  }
  return { ok: false, reason: "conflict" };
}
