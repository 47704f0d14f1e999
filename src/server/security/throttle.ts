import { Prisma } from "@/generated/prisma/client";
import { afterFailure, DEFAULT_THROTTLE_POLICY, isLocked, throttleBlock, type ThrottlePolicy, type ThrottleScope, type ThrottleState } from "@/domain";
import type { Database } from "@/server/db/client";
import { recordAudit } from "./audit";
import type { Client } from "./client";

// Every password check goes through here — signing in, changing a password, and any later
// endpoint that takes a password or a token — so guessing is slowed down the same way everywhere.
// The counts live in PostgreSQL, so every instance of the app sees the same ones.

export type GuardedCheck<T> =
  | { ok: true; value: T }
  | { ok: false; reason: "wrong" }
  | { ok: false; reason: "throttled"; retryAt: Date };

export interface GuardedAttempt {
  /** The email the attempt names, lower-cased; it is throttled whether or not an account has it. Null when the attempt names no account (a password reset link): only the address counts. */
  email: string | null;
  client: Client;
  now: Date;
  /** For the audit trail: who is signed in while checking (changing a password), or null. */
  actorId?: string | null;
  /** For the audit trail: the account the email belongs to, when there is one. */
  subjectId?: string | null;
  /** The audit event a wrong password records; null records none (a wrong reset link names no account to record it against). */
  failure?: "sign_in_failed" | "password_change_failed" | null;
}

interface ThrottleKey {
  key: string;
  scope: ThrottleScope;
}

function keysFor(attempt: GuardedAttempt): ThrottleKey[] {
  const keys: ThrottleKey[] = attempt.email === null ? [] : [{ key: `account:${attempt.email}`, scope: "account" }];
  if (attempt.client.address) keys.push({ key: `address:${attempt.client.address}`, scope: "address" });
  // A fixed order, so two attempts never wait on each other's rows in opposite orders.
  return keys.sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Runs `check` (which answers null for a wrong password) unless the account or the address must
 * wait. The attempt is counted as a failure before the check and taken back when it succeeds, so a
 * burst of parallel guesses is counted in full, not only the ones that finished first.
 */
export async function guardedPasswordCheck<T>(
  db: Database,
  attempt: GuardedAttempt,
  check: () => Promise<T | null>,
  policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
): Promise<GuardedCheck<T>> {
  const keys = keysFor(attempt);
  const counted = await countFailure(db, attempt, keys, policy);
  if (counted.blocked) return counted.blocked;

  const value = await check();
  if (value === null) {
    if (attempt.failure === null) return { ok: false, reason: "wrong" };
    const audit = { actorId: attempt.actorId ?? null, subjectId: attempt.subjectId ?? null, email: attempt.email, client: attempt.client };
    await recordAudit(db, { ...audit, type: attempt.failure ?? "sign_in_failed", detail: counted.locked ? { locked: true } : undefined }, attempt.now);
    return { ok: false, reason: "wrong" };
  }
  await forgiveAttempt(db, keys);
  return { ok: true, value };
}

/**
 * Counts one attempt that is never taken back, whatever it leads to — asking for a password reset
 * mail — so that it is limited exactly like guessing a password, and waits when guessing would.
 */
export async function countAttempt(db: Database, attempt: Omit<GuardedAttempt, "failure">, policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY): Promise<{ ok: true } | { ok: false; reason: "throttled"; retryAt: Date }> {
  const counted = await countFailure(db, attempt, keysFor(attempt), policy);
  return counted.blocked ?? { ok: true };
}

/** Counts a failure against every key in advance, unless one of them must wait (then it is audited, and nothing counted). */
async function countFailure(db: Database, attempt: GuardedAttempt, keys: ThrottleKey[], policy: ThrottlePolicy): Promise<{ blocked: { ok: false; reason: "throttled"; retryAt: Date } | null; locked: boolean }> {
  const counted = await db.$transaction(async (tx) => {
    const states = await lockedStates(tx, keys);
    const retryAt = latest(keys.map(({ key }) => throttleBlock(states.get(key) ?? null, attempt.now)));
    if (retryAt) return { blocked: retryAt, locked: false } as const;
    let locked = false;
    for (const { key, scope } of keys) {
      const next = afterFailure(states.get(key) ?? null, attempt.now, policy[scope]);
      locked ||= isLocked(next, policy[scope]) && next.failures === policy[scope].lockAfter;
      await tx.signInThrottle.update({ where: { key }, data: next });
    }
    return { blocked: null, locked } as const;
    // A burst of attempts queues here for a connection rather than failing: waiting is what it gets anyway.
  }, { maxWait: 15_000, timeout: 15_000 });
  if (!counted.blocked) return { blocked: null, locked: counted.locked };
  const audit = { actorId: attempt.actorId ?? null, subjectId: attempt.subjectId ?? null, email: attempt.email, client: attempt.client };
  await recordAudit(db, { ...audit, type: "sign_in_throttled", detail: { retryAt: counted.blocked.toISOString() } }, attempt.now);
  return { blocked: { ok: false, reason: "throttled", retryAt: counted.blocked }, locked: false };
}

async function lockedStates(tx: Prisma.TransactionClient, keys: ThrottleKey[]): Promise<Map<string, ThrottleState>> {
  const names = keys.map(({ key }) => key);
  // Rows must exist to be locked; a fresh one holds no failures.
  await tx.$executeRaw`
    INSERT INTO "SignInThrottle" ("key", "failures", "lastFailureAt")
    SELECT unnest(${names}::text[]), 0, to_timestamp(0)
    ON CONFLICT ("key") DO NOTHING`;
  const rows = await tx.$queryRaw<Array<ThrottleState & { key: string }>>`
    SELECT "key", "failures", "lastFailureAt", "blockedUntil" FROM "SignInThrottle"
    WHERE "key" = ANY(${names}::text[]) ORDER BY "key" FOR UPDATE`;
  return new Map(rows.map(({ key, ...state }) => [key, state]));
}

/** A right password: the account starts afresh, and the address gets back the failure counted in advance. */
async function forgiveAttempt(db: Database, keys: ThrottleKey[]): Promise<void> {
  for (const { key, scope } of keys) {
    if (scope === "account") {
      await db.signInThrottle.update({ where: { key }, data: { failures: 0, blockedUntil: null } });
    } else {
      await db.$executeRaw`UPDATE "SignInThrottle" SET "failures" = GREATEST("failures" - 1, 0) WHERE "key" = ${key}`;
    }
  }
}

/** An account's owner proved who they are another way (a password reset link): its failures are forgotten. */
export async function forgiveAccount(db: Pick<Database, "signInThrottle">, email: string): Promise<void> {
  await db.signInThrottle.updateMany({ where: { key: `account:${email}` }, data: { failures: 0, blockedUntil: null } });
}

function latest(moments: Array<Date | null>): Date | null {
  return moments.reduce<Date | null>((max, moment) => (moment && (!max || moment > max) ? moment : max), null);
}

/** Deletes the counts that no longer slow anyone down: forgotten by the rule, and not waiting. */
export async function forgetOldThrottles(db: Database, now: Date, policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY): Promise<number> {
  const forgotten = new Date(now.getTime() - Math.max(policy.account.forgetAfterMs, policy.address.forgetAfterMs));
  const gone = await db.signInThrottle.deleteMany({ where: { lastFailureAt: { lt: forgotten }, OR: [{ blockedUntil: null }, { blockedUntil: { lt: now } }] } });
  return gone.count;
}
