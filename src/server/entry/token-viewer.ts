import "server-only";
import { MINUTE } from "@/domain";
import { hashApiToken, TOKEN_PREFIX } from "@/server/api/tokens";
import type { Database } from "@/server/db/client";
import { loadViewer, type SignedInViewer } from "@/server/people/viewer";

// The Requests API's second way in besides the session (docs/api.md): a personal API token acts as
// its owner — the same viewer, the same gate as their pages — with the channel "api", and only while
// it is neither revoked nor expired and the account is not disabled.

export interface TokenHolder {
  viewer: SignedInViewer;
  token: { id: string; access: "read" | "write" };
}

/** Last use is written at most this often, so a busy token does not write on every call. */
const LAST_USE_GRAIN_MS = MINUTE;

/** The viewer a token stands for; null for an unknown, revoked or expired token, or a disabled account. */
export async function findTokenHolder(db: Database, token: string, now: Date): Promise<TokenHolder | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const row = await db.apiToken.findUnique({ where: { hash: hashApiToken(token) }, select: { id: true, userId: true, access: true, expiresAt: true, revokedAt: true, lastUsedAt: true } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  const viewer = await loadViewer(db, row.userId, { now, channel: "api" });
  if (!viewer) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USE_GRAIN_MS) {
    await db.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { viewer, token: { id: row.id, access: row.access } };
}
