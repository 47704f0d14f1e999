import "server-only";
import { z } from "zod";
import { DEFAULT_TIME_ZONE } from "@/i18n/format";
import { apiTokenIdSchema, createApiTokenSchema, MAX_ACTIVE_API_TOKENS, type ApiTokenAccess } from "@/schemas/api-tokens";
import { newApiToken } from "@/server/api/tokens";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { recordAudit } from "@/server/security/audit";
import { invalid, notFound, refusedWith, type Outcome } from "@/server/outcome";
import type { SignedInViewer } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { tokenExpiry } from "./expiry";

// A person's own personal API tokens, on their API tokens page (docs/api.md "Credentials"): the
// list, a new one — whose secret is in the answer once and never again, since only its hash is
// kept — and revoking one, which the API honours on its next call. Nobody sees or revokes anyone
// else's tokens here: another person's token is "not found". The audit trail has no event type for
// tokens (prisma/schema.prisma AuditEventType), so none is recorded.

export type ApiTokenState = "active" | "revoked" | "expired";

export interface OwnApiToken {
  id: string;
  name: string;
  /** The token's first characters, so its owner can tell which one a tool holds. */
  prefix: string;
  access: ApiTokenAccess;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  state: ApiTokenState;
}

const SUMMARY = { id: true, name: true, prefix: true, access: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true } as const;

/** Revoked and expired tokens the list still shows, newest first: enough to recognise a recent one. */
const ENDED_TOKENS_SHOWN = 50;

/** Tokens that still open the API at `now`. */
const activeAt = (now: Date): Prisma.ApiTokenWhereInput => ({ revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

function withState(token: Omit<OwnApiToken, "state">, now: Date): OwnApiToken {
  const state: ApiTokenState = token.revokedAt ? "revoked" : token.expiresAt && token.expiresAt <= now ? "expired" : "active";
  return { ...token, state };
}

/** Every active token of the viewer, then their latest revoked or expired ones; newest first in each. */
export const listOwnApiTokens = defineUseCase({
  input: z.object({}),
  run: async (db: Database, viewer: SignedInViewer): Promise<Outcome<{ tokens: OwnApiToken[] }>> => {
    const userId = viewer.actor.userId;
    const [active, ended] = await Promise.all([
      db.apiToken.findMany({ where: { userId, ...activeAt(viewer.now) }, select: SUMMARY, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
      db.apiToken.findMany({ where: { userId, NOT: activeAt(viewer.now) }, select: SUMMARY, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: ENDED_TOKENS_SHOWN }),
    ]);
    return { ok: true, tokens: [...active, ...ended].map((token) => withState(token, viewer.now)) };
  },
});

/** A new token for the viewer; `token` is the secret itself, to be shown once. */
export const createApiToken = defineUseCase({
  input: createApiTokenSchema,
  run: async (db: Database, viewer: SignedInViewer, input): Promise<Outcome<{ token: string; apiToken: OwnApiToken }>> => {
    const userId = viewer.actor.userId;
    const expiry = tokenExpiry(input, viewer.now, input.timeZone ?? viewer.person.timeZone ?? DEFAULT_TIME_ZONE);
    if (!expiry.ok) return invalid({ expiresOn: expiry.code });
    const made = newApiToken();
    const created = await db.$transaction(async (tx) => {
      // One person's creations wait for each other, so two at once cannot both pass the limit.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`api-tokens:${userId}`}, 0))`;
      const active = await tx.apiToken.count({ where: { userId, ...activeAt(viewer.now) } });
      if (active >= MAX_ACTIVE_API_TOKENS) return null;
      const token = await tx.apiToken.create({
        data: { userId, name: input.name, prefix: made.prefix, hash: made.hash, access: input.access, expiresAt: expiry.expiresAt, createdAt: viewer.now },
        select: SUMMARY,
      });
      await recordAudit(tx, { type: "api_token_created", actorId: userId, subjectId: userId, client: viewer.client, detail: { tokenName: token.name, access: token.access } }, viewer.now);
      return token;
    });
    if (!created) return refusedWith("too_many_tokens", `At most ${MAX_ACTIVE_API_TOKENS} active API tokens per person; revoke one first.`);
    return { ok: true, token: made.token, apiToken: withState(created, viewer.now) };
  },
});

/** Revokes one of the viewer's tokens at once; revoking it again changes nothing. Someone else's is "not found". */
export const revokeApiToken = defineUseCase({
  input: apiTokenIdSchema,
  identifies: ["apiTokenId"],
  run: async (db: Database, viewer: SignedInViewer, { apiTokenId }): Promise<Outcome<{ revoked: boolean }>> => {
    const userId = viewer.actor.userId;
    const where = { id: apiTokenId, userId };
    const revoked = await db.$transaction(async (tx) => {
      const { count } = await tx.apiToken.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: viewer.now } });
      if (count === 0) return false;
      const token = await tx.apiToken.findUniqueOrThrow({ where: { id: apiTokenId }, select: { name: true, access: true } });
      await recordAudit(tx, { type: "api_token_revoked", actorId: userId, subjectId: userId, client: viewer.client, detail: { tokenName: token.name, access: token.access } }, viewer.now);
      return true;
    });
    if (revoked) return { ok: true, revoked: true };
    return (await db.apiToken.count({ where })) > 0 ? { ok: true, revoked: false } : notFound();
  },
});
