import "server-only";
import { z } from "zod";
import { readSessionConfig } from "@/config/env";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import { recordAudit } from "@/server/security/audit";
import { UNKNOWN_CLIENT } from "@/server/security/client";
import { endSession, endSessionsOf, liveSessionsOf, type SessionSummary } from "@/server/security/sessions";
import { defineUseCase } from "@/server/use-case";
import type { SignedInViewer } from "./viewer";

// A person's own sessions, on their Sessions page: which browsers are signed in as them, and a way
// to end any of them, or all at once. Nobody sees or ends anyone else's here (agents disable an
// account instead, which ends all of its sessions).

export interface OwnSession extends SessionSummary {
  /** The session this page was loaded with. */
  current: boolean;
}

export const listOwnSessions = defineUseCase({
  input: z.object({}),
  run: async (db: Database, viewer: SignedInViewer): Promise<Outcome<{ sessions: OwnSession[] }>> => {
    const sessions = await liveSessionsOf(db, viewer.actor.userId, viewer.now, readSessionConfig());
    return { ok: true, sessions: sessions.map((session) => ({ ...session, current: session.id === viewer.sessionId })) };
  },
});

const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

/** Ends one of the viewer's sessions; ending their current one signs them out here. Someone else's session is "not found". */
export const endOwnSession = defineUseCase({
  input: z.object({ sessionId: sessionIdSchema }),
  identifies: ["sessionId"],
  run: async (db: Database, viewer: SignedInViewer, { sessionId }): Promise<Outcome<{ current: boolean }>> => {
    const userId = viewer.actor.userId;
    const ended = await db.$transaction(async (tx) => {
      const count = await endSession(tx, sessionId, "ended_by_owner", viewer.now, userId);
      if (count) await recordAudit(tx, { type: "session_ended", actorId: userId, subjectId: userId, client: viewer.client ?? UNKNOWN_CLIENT }, viewer.now);
      return count;
    });
    if (!ended) return notFound();
    return { ok: true, current: sessionId === viewer.sessionId };
  },
});

/** "Sign out everywhere": every session of the viewer ends, this one too. */
export const endAllOwnSessions = defineUseCase({
  input: z.object({}),
  run: async (db: Database, viewer: SignedInViewer): Promise<Outcome<{ sessionsEnded: number }>> => {
    const userId = viewer.actor.userId;
    const sessionsEnded = await db.$transaction(async (tx) => {
      const count = await endSessionsOf(tx, userId, "signed_out_everywhere", viewer.now);
      await recordAudit(tx, { type: "signed_out", actorId: userId, subjectId: userId, client: viewer.client ?? UNKNOWN_CLIENT, detail: { everywhere: true, sessionsEnded: count } }, viewer.now);
      return count;
    });
    return { ok: true, sessionsEnded };
  },
});
