import "server-only";
import type { RequestAccess } from "@/domain";
import { requestCcSchema, type RequestCc } from "@/schemas/request-cc";
import type { Database } from "@/server/db/client";
import type { Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { recordRequestChanged } from "@/server/realtime/stream-events";
import { defineUseCase } from "@/server/use-case";
import type { Transaction } from "./change-request";
import { findRequestFor } from "./request-gate";

/**
 * A change to a request's CCs, by someone the domain lets manage them (`manage_ccs`): the request
 * read through the gate and the change made in one transaction. Recorded in the event log; not
 * activity for the service level, so the request row is left alone.
 */
export function defineCcChange(change: (tx: Transaction, viewer: Reader, input: RequestCc, request: RequestAccess) => Promise<Outcome<{ changed: boolean }>>) {
  return defineUseCase({
    input: requestCcSchema,
    identifies: ["requestId"],
    run: async (db: Database, viewer: Reader, input) =>
      db.$transaction(async (tx): Promise<Outcome<{ changed: boolean }>> => {
        const opened = await findRequestFor(tx, viewer, input.requestId, { may: ["manage_ccs"], select: { id: true } });
        if (!opened.ok) return opened;
        const changed = await change(tx, viewer, input, opened.access);
        // Who may see the request changed: open streams check again (a removed CC's stream ends).
        if (changed.ok && changed.changed) await recordRequestChanged(tx, { requestId: input.requestId, internal: false, data: { ccs: true } });
        return changed;
      }),
  });
}
