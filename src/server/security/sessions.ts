import { randomBytes } from "node:crypto";
import type { SessionEndReason } from "@/generated/prisma/client";
import { isSessionLive, sessionExpiresAt, type SessionPolicy } from "@/domain";
import type { Database } from "@/server/db/client";
import type { Client } from "./client";

// Server-side sessions: the session cookie (a next-auth JWT) carries a session id next to the user
// id, and a session counts only while its row here is live (src/domain/sessions.ts). Ending the row
// ends the session in every copy of the cookie.

export type { SessionEndReason };

/** How often a live session's last use is written: often enough for the idle timeout, rarely enough to cost nothing. */
const LAST_SEEN_PRECISION_MS = 60_000;

type Writer = Pick<Database, "session">;

export async function startSession(db: Writer, userId: string, client: Client, now: Date): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  await db.session.create({ data: { id, userId, createdAt: now, lastSeenAt: now, clientAddress: client.address, userAgent: client.userAgent } });
  return id;
}

/**
 * Whether the session is live for this user — and the account still enabled. A live session's
 * last use moves forward (at most once a minute), which keeps it from idling out while used.
 */
export async function continueSession(db: Database, claims: { userId: string; sessionId: string }, now: Date, policy: SessionPolicy): Promise<boolean> {
  const session = await liveSession(db, claims, now, policy);
  if (!session) return false;
  if (now.getTime() - session.lastSeenAt.getTime() >= LAST_SEEN_PRECISION_MS) {
    await db.session.updateMany({ where: { id: claims.sessionId, endedAt: null }, data: { lastSeenAt: now } });
  }
  return true;
}

/**
 * Whether the session is still live, without counting the question as activity: a page left open
 * (its live updates asking every half minute) does not keep a session from idling out.
 */
export async function isSessionOpen(db: Database, claims: { userId: string; sessionId: string }, now: Date, policy: SessionPolicy): Promise<boolean> {
  return (await liveSession(db, claims, now, policy)) !== null;
}

async function liveSession(db: Database, claims: { userId: string; sessionId: string }, now: Date, policy: SessionPolicy) {
  const session = await db.session.findUnique({
    // The account's disabled flag as a condition, not a relation to load: one statement on every page.
    where: { id: claims.sessionId, user: { is: { disabledAt: null } } },
    select: { userId: true, createdAt: true, lastSeenAt: true, endedAt: true },
  });
  if (!session || session.userId !== claims.userId || !isSessionLive(session, now, policy)) return null;
  return session;
}

export async function endSession(db: Writer, sessionId: string, reason: SessionEndReason, now: Date, ownerId?: string): Promise<number> {
  const ended = await db.session.updateMany({ where: { id: sessionId, endedAt: null, ...(ownerId ? { userId: ownerId } : {}) }, data: { endedAt: now, endReason: reason } });
  return ended.count;
}

/** Ends every session of a person at once; returns how many were live. */
export async function endSessionsOf(db: Writer, userId: string, reason: SessionEndReason, now: Date): Promise<number> {
  const ended = await db.session.updateMany({ where: { userId, endedAt: null }, data: { endedAt: now, endReason: reason } });
  return ended.count;
}

export interface SessionSummary {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  clientAddress: string | null;
  userAgent: string | null;
}

/** A person's live sessions, most recently used first. */
export async function liveSessionsOf(db: Database, userId: string, now: Date, policy: SessionPolicy): Promise<SessionSummary[]> {
  const rows = await db.session.findMany({
    where: { userId, endedAt: null, createdAt: { gt: new Date(now.getTime() - policy.maxAgeMs) }, lastSeenAt: { gt: new Date(now.getTime() - policy.idleMs) } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "asc" }],
    select: { id: true, createdAt: true, lastSeenAt: true, endedAt: true, clientAddress: true, userAgent: true },
    take: 100,
  });
  return rows.filter((row) => isSessionLive(row, now, policy)).map(({ endedAt: _endedAt, ...row }) => ({ ...row, expiresAt: sessionExpiresAt({ ...row, endedAt: null }, policy) }));
}

/** How long an ended session stays on record (its end is in the audit trail for good). */
export const ENDED_SESSION_RETENTION_MS = 30 * 24 * 60 * 60_000;

/**
 * Deletes sessions that ended more than the retention ago, and those never ended but unused for
 * longer than any session may live plus the retention. A live session is never touched.
 */
export async function forgetOldSessions(db: Database, now: Date, policy: SessionPolicy): Promise<number> {
  const ended = new Date(now.getTime() - ENDED_SESSION_RETENTION_MS);
  const abandoned = new Date(now.getTime() - Math.max(policy.maxAgeMs, policy.idleMs) - ENDED_SESSION_RETENTION_MS);
  const gone = await db.session.deleteMany({ where: { OR: [{ endedAt: { lt: ended } }, { endedAt: null, lastSeenAt: { lt: abandoned } }] } });
  return gone.count;
}
