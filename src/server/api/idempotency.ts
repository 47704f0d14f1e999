import "server-only";
import { createHash } from "node:crypto";
import { DAY } from "@/domain";
import { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";

// Idempotency-Key on POST (docs/api.md): the first request under a key is answered and its answer
// kept for a day; a retry with the same key and the same request gets that answer again and changes
// nothing; the same key with another request, or while the first is still being answered, is refused.

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
export const IDEMPOTENCY_RETENTION_MS = DAY;
/** A claim still without an answer after this long was left by a call that failed on its way out, not one still running. */
export const ABANDONED_CLAIM_MS = 5_000;

export type Claim =
  | { kind: "first" }
  | { kind: "replay"; status: number; body: unknown; headers: Record<string, string> }
  | { kind: "in_progress" }
  | { kind: "mismatch" };

export function fingerprintOf(method: string, path: string, body: string): string {
  return `${method} ${path} ${createHash("sha256").update(body).digest("hex")}`;
}

/** Takes the key for this request, or says what was kept under it. */
export async function claimIdempotencyKey(db: Database, ownerKey: string, key: string, fingerprint: string, now: Date): Promise<Claim> {
  try {
    await db.idempotentResponse.create({ data: { ownerKey, key, fingerprint, createdAt: now } });
    return { kind: "first" };
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") throw error;
  }
  const kept = await db.idempotentResponse.findUnique({ where: { ownerKey_key: { ownerKey, key } } });
  if (!kept) return claimIdempotencyKey(db, ownerKey, key, fingerprint, now);
  if (kept.createdAt.getTime() < now.getTime() - IDEMPOTENCY_RETENTION_MS) {
    // Expired but not yet deleted: this request starts afresh under the key.
    await db.idempotentResponse.deleteMany({ where: { ownerKey, key, createdAt: kept.createdAt } });
    return claimIdempotencyKey(db, ownerKey, key, fingerprint, now);
  }
  if (kept.fingerprint !== fingerprint) return { kind: "mismatch" };
  if (kept.status === null && kept.createdAt.getTime() < now.getTime() - ABANDONED_CLAIM_MS) {
    // Its answer never came (the database went away before the claim was kept or freed): this request
    // takes the key over rather than being refused for a day. Safe even if the first is still running:
    // a use case that creates something takes a submission key derived from this key, so only one of
    // them writes; the other changes (a status, a CC) find the change made and say so.
    await db.idempotentResponse.deleteMany({ where: { ownerKey, key, status: null, createdAt: kept.createdAt } });
    return claimIdempotencyKey(db, ownerKey, key, fingerprint, now);
  }
  if (kept.status === null) return { kind: "in_progress" };
  return { kind: "replay", status: kept.status, body: kept.body, headers: (kept.headers ?? {}) as Record<string, string> };
}

/** Answers worth trying again (a concurrent change, the server busy or failing): the key is freed, not kept. */
const TRANSIENT = (status: number) => status === 409 || status === 429 || status >= 500;

/** Keeps the answer under the key; after a transient failure the key may be tried again. */
export async function keepIdempotentResponse(db: Database, ownerKey: string, key: string, response: { status: number; body: unknown; headers: Record<string, string> }): Promise<void> {
  if (TRANSIENT(response.status)) {
    await releaseIdempotencyKey(db, ownerKey, key);
    return;
  }
  await db.idempotentResponse.update({
    where: { ownerKey_key: { ownerKey, key } },
    data: { status: response.status, body: response.body === null ? Prisma.JsonNull : (response.body as Prisma.InputJsonValue), headers: response.headers },
  });
}

export async function releaseIdempotencyKey(db: Database, ownerKey: string, key: string): Promise<void> {
  await db.idempotentResponse.deleteMany({ where: { ownerKey, key, status: null } });
}

/** Answers older than the retention, deleted by the automation. */
export async function forgetOldIdempotentResponses(db: Database, now: Date): Promise<number> {
  const { count } = await db.idempotentResponse.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS) } } });
  return count;
}
