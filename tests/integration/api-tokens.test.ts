import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { DAY } from "@/domain";
import { MAX_ACTIVE_API_TOKENS } from "@/schemas/api-tokens";
import { hashApiToken } from "@/server/api/tokens";
import { createApiToken, listOwnApiTokens, revokeApiToken } from "@/server/api-tokens/api-tokens";
import { callApi, prepareApi } from "../setup/api";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// The API tokens page's use cases (docs/api.md "Credentials"): a token made there opens the API as
// its owner, is kept only as a hash, and stops working the moment it is revoked or expires.

const seeded = prepareSeededDatabase();
prepareApi(seeded);

const me = (token: string) => callApi(getMe, { route: "/api/v1/me", token });

async function create(email: string, input: Record<string, unknown>, now = new Date()) {
  return createApiToken(seeded.db, await viewerFor(seeded.db, email, now), input);
}

async function created(email: string, input: Record<string, unknown>, now = new Date()) {
  const outcome = await create(email, input, now);
  if (!outcome.ok) throw new Error(`not created: ${JSON.stringify(outcome)}`);
  return outcome;
}

async function listed(email: string, id: string) {
  const outcome = await listOwnApiTokens(seeded.db, await viewerFor(seeded.db, email), {});
  if (!outcome.ok) throw new Error("no list");
  return outcome.tokens.find((token) => token.id === id);
}

const tokenCount = () => seeded.db.apiToken.count();

describe("creating a token", () => {
  it("gives the secret once; it opens the API as its owner, and only its hash is kept", async () => {
    const { token, apiToken } = await created("carol@acme.test", { name: "  Nightly report  ", access: "read", expiry: "30" });
    expect(token).toMatch(/^ptc_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: "Nightly report", access: "read", state: "active", prefix: token.slice(0, 10), lastUsedAt: null, revokedAt: null });
    expect(apiToken.expiresAt!.getTime() - apiToken.createdAt.getTime()).toBe(30 * DAY);

    const row = await seeded.db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(row.hash).toBe(hashApiToken(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const answer = await me(token);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ email: "carol@acme.test" });
    expect((await listed("carol@acme.test", apiToken.id))?.lastUsedAt).not.toBeNull();
    // The list is the owner's alone.
    expect(await listed("alice@acme.test", apiToken.id)).toBeUndefined();
  });

  it("ends on a chosen date at the midnight after it, in the page's time zone; never, when so chosen", async () => {
    const now = new Date("2026-12-04T10:00:00Z");
    const onDate = await created("bob@acme.test", { name: "Until the 10th", access: "write", expiry: "date", expiresOn: "2026-12-10", timeZone: "Asia/Seoul" }, now);
    expect(onDate.apiToken.expiresAt).toEqual(new Date("2026-12-10T15:00:00Z"));
    const never = await created("bob@acme.test", { name: "Forever", access: "write", expiry: "none", expiresOn: "" }, now);
    expect(never.apiToken.expiresAt).toBeNull();
  });

  it("refuses bad input field by field, and makes nothing", async () => {
    const before = await tokenCount();
    const outcomes = await Promise.all([
      create("alice@acme.test", { name: "", access: "admin" }),
      create("alice@acme.test", { name: "x".repeat(81), access: "read", expiry: "30" }),
      create("alice@acme.test", { name: "A date", access: "read", expiry: "date", expiresOn: "" }),
      create("alice@acme.test", { name: "A date", access: "read", expiry: "date", expiresOn: "2026-02-30" }),
      create("alice@acme.test", { name: "Past", access: "read", expiry: "date", expiresOn: "2026-12-04", timeZone: "UTC" }, new Date("2026-12-04T10:00:00Z")),
      create("alice@acme.test", { name: "Too far", access: "read", expiry: "date", expiresOn: "2027-12-05", timeZone: "UTC" }, new Date("2026-12-04T10:00:00Z")),
    ]);
    expect(outcomes).toEqual([
      { ok: false, reason: "invalid", fieldErrors: { name: "required", access: "choose_access", expiry: "choose_expiry" } },
      { ok: false, reason: "invalid", fieldErrors: { name: "too_long" } },
      { ok: false, reason: "invalid", fieldErrors: { expiresOn: "expiry_date_required" } },
      { ok: false, reason: "invalid", fieldErrors: { expiresOn: "expiry_date_invalid" } },
      { ok: false, reason: "invalid", fieldErrors: { expiresOn: "expiry_date_past" } },
      { ok: false, reason: "invalid", fieldErrors: { expiresOn: "expiry_date_too_far" } },
    ]);
    // A year from today is the furthest allowed.
    expect((await create("alice@acme.test", { name: "A year", access: "read", expiry: "date", expiresOn: "2027-12-04", timeZone: "UTC" }, new Date("2026-12-04T10:00:00Z"))).ok).toBe(true);
    expect(await tokenCount()).toBe(before + 1);
  });

  it(`allows at most ${MAX_ACTIVE_API_TOKENS} active tokens per person; revoked and expired ones do not count`, async () => {
    const email = "dave@acme.test";
    const viewer = await viewerFor(seeded.db, email);
    await created(email, { name: "Long gone", access: "read", expiry: "7" }, new Date(Date.now() - 8 * DAY));
    const made = [];
    for (let index = 0; index < MAX_ACTIVE_API_TOKENS; index++) made.push(await created(email, { name: `Tool ${index}`, access: "read", expiry: "none" }));
    expect(await create(email, { name: "One too many", access: "read", expiry: "none" })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "too_many_tokens" } });
    expect(await revokeApiToken(seeded.db, viewer, { apiTokenId: made[0]!.apiToken.id })).toEqual({ ok: true, revoked: true });
    expect((await create(email, { name: "In its place", access: "read", expiry: "none" })).ok).toBe(true);
  });
});

describe("revoking and expiry", () => {
  it("a revoked token is refused at once (401); revoking it again changes nothing", async () => {
    const { token, apiToken } = await created("erin@acme.test", { name: "CRM sync", access: "write", expiry: "90" });
    expect((await me(token)).status).toBe(200);
    const viewer = await viewerFor(seeded.db, "erin@acme.test");
    expect(await revokeApiToken(seeded.db, viewer, { apiTokenId: apiToken.id })).toEqual({ ok: true, revoked: true });
    const answer = await me(token);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({ code: "unauthenticated" });
    expect(await listed("erin@acme.test", apiToken.id)).toMatchObject({ state: "revoked", revokedAt: expect.any(Date) });
    expect(await revokeApiToken(seeded.db, viewer, { apiTokenId: apiToken.id })).toEqual({ ok: true, revoked: false });
    // Created and revoked once each, on the audit trail with the token's name.
    const audited = await seeded.db.auditEvent.findMany({ where: { subjectId: viewer.actor.userId, type: { in: ["api_token_created", "api_token_revoked"] }, detail: { path: ["tokenName"], equals: "CRM sync" } }, orderBy: { id: "asc" } });
    expect(audited.map((event) => [event.type, event.actorId, event.detail])).toEqual([
      ["api_token_created", viewer.actor.userId, { tokenName: "CRM sync", access: "write" }],
      ["api_token_revoked", viewer.actor.userId, { tokenName: "CRM sync", access: "write" }],
    ]);
  });

  it("an expired token is refused (401) and listed as expired", async () => {
    const { token, apiToken } = await created("carol@acme.test", { name: "Last week's", access: "read", expiry: "7" }, new Date(Date.now() - 8 * DAY));
    expect((await me(token)).status).toBe(401);
    expect(await listed("carol@acme.test", apiToken.id)).toMatchObject({ state: "expired" });
  });

  it("someone else's token, or no token at all, is not found; theirs keeps working", async () => {
    const { token, apiToken } = await created("gina@globex.test", { name: "Globex tool", access: "read", expiry: "30" });
    const alice = await viewerFor(seeded.db, "alice@acme.test");
    const agent = await viewerFor(seeded.db, "agent@portico.test");
    for (const viewer of [alice, agent]) expect(await revokeApiToken(seeded.db, viewer, { apiTokenId: apiToken.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await revokeApiToken(seeded.db, alice, { apiTokenId: "no-such-token" })).toEqual({ ok: false, reason: "not_found" });
    expect(await revokeApiToken(seeded.db, alice, { apiTokenId: "" })).toEqual({ ok: false, reason: "not_found" });
    expect((await me(token)).status).toBe(200);
  });
});
