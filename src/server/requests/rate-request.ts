import "server-only";
import { checkRating } from "@/domain";
import { readSatisfactionConfig } from "@/config/env";
import { rateRequestSchema } from "@/schemas/satisfaction";
import type { Database } from "@/server/db/client";
import { refused, type Outcome } from "@/server/outcome";
import type { Viewer } from "@/server/people/viewer";
import { recordRequestChanged } from "@/server/realtime/stream-events";
import { defineUseCase } from "@/server/use-case";
import { findRequestFor } from "./request-gate";
import { requestStateSelect, toRequestState } from "./request-state";

// The requester rates support's answer on their Solved request, or changes their rating, for
// SATISFACTION_RATING_DAYS after the solve (docs/product.md §4.5). One rating per request: a new one
// replaces the last. The rating, its event in the request's log and the live pages' event are written
// together. A rating is not a change to the request: its status, version and activity stay as they are.

export const rateRequest = defineUseCase({
  input: rateRequestSchema,
  identifies: ["requestId"],
  run: async (db: Database, viewer: Viewer, input): Promise<Outcome<{ changed: boolean }>> => {
    const { actor, now } = viewer;
    const { ratingWindowDays } = readSatisfactionConfig();
    return db.$transaction(async (tx): Promise<Outcome<{ changed: boolean }>> => {
      // Only the requester rates: for anyone else the request is not there to rate.
      const opened = await findRequestFor(tx, viewer, input.requestId, {
        may: ["solve_as_requester"],
        select: {
          ...requestStateSelect,
          satisfaction: { select: { requestId: true } },
        },
      });
      if (!opened.ok) return opened;
      const checked = checkRating(toRequestState(opened.request), { score: input.score, comment: input.comment ?? null }, now, ratingWindowDays);
      if (!checked.ok) return refused(checked.refusal);
      const { score, comment } = checked.rating;
      const requestId = opened.request.id;
      // updatedAt is set here (not by the database's clock): the queue's figure counts by the viewer's time.
      await tx.satisfactionRating.upsert({
        where: { requestId },
        create: {
          requestId,
          raterId: actor.userId,
          score,
          comment,
          ratedAt: now,
          updatedAt: now,
        },
        update: { raterId: actor.userId, score, comment, updatedAt: now },
        select: { requestId: true },
      });
      await tx.requestEvent.create({
        data: {
          requestId,
          actorId: actor.userId,
          type: "satisfaction_rated",
          data: { score },
          createdAt: now,
        },
        select: { id: true },
      });
      await recordRequestChanged(tx, {
        requestId,
        internal: false,
        data: { rated: score },
      });
      return { ok: true, changed: opened.request.satisfaction !== null };
    });
  },
});
