import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GET as getMe } from "@/app/api/v1/me/route";
import { GET as getDocument } from "@/app/api/v1/openapi.json/route";
import { apiDocument } from "@/server/api/openapi";
import { API_DOCUMENT_PATH, documentText } from "../../scripts/lib/api-document";
import { apiToken, callApi, prepareApi } from "../setup/api";
import { prepareSeededDatabase } from "../setup/seeded-database";

// docs/api.md: the credentials, the rate limit, ETags and the contract every endpoint shares.

const seeded = prepareSeededDatabase();
prepareApi(seeded);
const DAY = 24 * 60 * 60 * 1000;

describe("the contract", () => {
  it("the committed OpenAPI document is the one the code generates (npm run api:document writes it)", () => {
    expect(readFileSync(API_DOCUMENT_PATH, "utf8")).toBe(documentText(apiDocument()));
  });

  it("is served at /api/v1/openapi.json to anyone, as OpenAPI 3.1", async () => {
    const response = await getDocument(new Request("http://portico.test/api/v1/openapi.json"), undefined);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toContain("/api/v1/me");
  });
});

describe("credentials", () => {
  it("a token acts as its owner: GET /api/v1/me", async () => {
    const token = await apiToken(seeded.db, "carol@acme.test", "read");
    const answer = await callApi(getMe, { route: "/api/v1/me", token });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ email: "carol@acme.test", isAgent: false, organizations: [expect.objectContaining({ name: expect.stringContaining("Acme") })] });
    const used = await seeded.db.apiToken.findFirstOrThrow({ where: { user: { email: "carol@acme.test" } }, select: { lastUsedAt: true } });
    expect(used.lastUsedAt).not.toBeNull();
  });

  it("is answered 401 with a problem document without a credential, or with an unknown, revoked or expired token", async () => {
    const revoked = await apiToken(seeded.db, "alice@acme.test", "write", { revokedAt: new Date() });
    const expired = await apiToken(seeded.db, "alice@acme.test", "write", { expiresAt: new Date(Date.now() - DAY) });
    for (const token of [null, "ptc_unknown", "not-a-token", revoked, expired]) {
      const answer = await callApi(getMe, { route: "/api/v1/me", token });
      expect(answer.status).toBe(401);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(answer.body).toMatchObject({ status: 401, code: "unauthenticated" });
    }
    const malformed = await callApi(getMe, { route: "/api/v1/me", headers: { authorization: "Basic YWxpY2U6cGFzcw==" } });
    expect(malformed.status).toBe(401);
  });

  it("a token of a disabled account opens nothing", async () => {
    const token = await apiToken(seeded.db, "erin@acme.test", "read");
    await seeded.db.user.update({ where: { email: "erin@acme.test" }, data: { disabledAt: new Date() } });
    try {
      expect((await callApi(getMe, { route: "/api/v1/me", token })).status).toBe(401);
    } finally {
      await seeded.db.user.update({ where: { email: "erin@acme.test" }, data: { disabledAt: null } });
    }
  });
});

describe("reads", () => {
  it("carry an ETag; If-None-Match with it answers 304 with no body", async () => {
    const token = await apiToken(seeded.db, "bob@acme.test", "read");
    const first = await callApi(getMe, { route: "/api/v1/me", token });
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^".+"$/);
    const again = await callApi(getMe, { route: "/api/v1/me", token, headers: { "if-none-match": tag! } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect((await callApi(getMe, { route: "/api/v1/me", token, headers: { "if-none-match": '"something-else"' } })).status).toBe(200);
  });
});

describe("the rate limit", () => {
  it("answers 429 with Retry-After past the calls allowed per minute, per token", async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = "3";
    try {
      const token = await apiToken(seeded.db, "dave@acme.test", "read");
      const other = await apiToken(seeded.db, "dave@acme.test", "read");
      const statuses: number[] = [];
      for (let call = 0; call < 4; call++) statuses.push((await callApi(getMe, { route: "/api/v1/me", token })).status);
      // A minute may turn over between the calls: then the count starts again.
      const limited = await callApi(getMe, { route: "/api/v1/me", token });
      if (!statuses.includes(429)) statuses.push(limited.status);
      expect(statuses).toContain(429);
      const refused = statuses.includes(429) && limited.status === 429 ? limited : await callApi(getMe, { route: "/api/v1/me", token });
      if (refused.status === 429) {
        expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
        expect(refused.body).toMatchObject({ status: 429, code: "rate_limited" });
        expect(refused.headers.get("ratelimit-remaining")).toBe("0");
      }
      // Another token of the same person has its own count.
      expect((await callApi(getMe, { route: "/api/v1/me", token: other })).status).toBe(200);
    } finally {
      process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
    }
  });
});
