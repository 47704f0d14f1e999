import "server-only";
import { MINUTE } from "@/domain";
import type { Database } from "@/server/db/client";

// The API's rate limit (docs/api.md): calls per credential per minute, counted in PostgreSQL so that
// every instance counts the same calls. One statement per call: the minute's row is created or
// incremented and its count read back. Old minutes are deleted by the automation.

export interface RateCount {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current minute ends and the count starts again. */
  resetAt: Date;
}

export async function countApiCall(db: Database, ownerKey: string, now: Date, limitPerMinute: number): Promise<RateCount> {
  const windowStart = new Date(Math.floor(now.getTime() / MINUTE) * MINUTE);
  const [row] = await db.$queryRaw<Array<{ count: number }>>`
    INSERT INTO "ApiRateWindow" ("ownerKey", "windowStart", count) VALUES (${ownerKey}, ${windowStart.toISOString()}::timestamp, 1)
    ON CONFLICT ("ownerKey", "windowStart") DO UPDATE SET count = "ApiRateWindow".count + 1
    RETURNING count`;
  const count = row?.count ?? 1;
  return { allowed: count <= limitPerMinute, limit: limitPerMinute, remaining: Math.max(0, limitPerMinute - count), resetAt: new Date(windowStart.getTime() + MINUTE) };
}

/** Minutes that have passed, deleted by the automation. */
export async function forgetOldRateWindows(db: Database, now: Date): Promise<number> {
  const { count } = await db.apiRateWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 2 * MINUTE) } } });
  return count;
}
