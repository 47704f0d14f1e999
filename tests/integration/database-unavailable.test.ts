import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postMessage } from "@/app/api/v1/requests/[id]/messages/route";
import { GET as listRequests } from "@/app/api/v1/requests/route";
import { ABANDONED_CLAIM_MS, fingerprintOf } from "@/server/api/idempotency";
import { createDatabase, type Database } from "@/server/db/client";
import { apiToken, callApi, prepareApi } from "../setup/api";
import { prepareSeededDatabase } from "../setup/seeded-database";

// The database going away under the API (a restart, a failover): the caller is answered 503
// `unavailable` with Retry-After rather than an opaque 500, and a retry with the same Idempotency-Key
// is never stuck behind the claim the cut-off call left (bench/faults.ts restarts PostgreSQL under
// load and holds the whole app to this).

const seeded = prepareSeededDatabase();
prepareApi(seeded);

let alice = "";
let requestId = 0;
beforeAll(async () => {
  alice = await apiToken(seeded.db, "alice@acme.test");
  const own = await seeded.db.request.findFirstOrThrow({ where: { requester: { email: "alice@acme.test" }, mergedIntoId: null }, select: { id: true } });
  requestId = own.id;
});

const reply = (body: string, key: string) =>
  callApi(postMessage, { method: "POST", route: "/api/v1/requests/{id}/messages", params: { id: String(requestId) }, token: alice, body: { body }, headers: { "idempotency-key": key } });

/** As if the call under `key` wrote its reply, then lost the database before keeping its answer, `ageMs` ago. */
const cutOff = (key: string, ageMs: number) =>
  seeded.db.idempotentResponse.updateMany({ where: { key }, data: { status: null, body: undefined, createdAt: new Date(Date.now() - ageMs) } });

describe("an Idempotency-Key whose call was cut off", () => {
  it("is still being answered for a few seconds (409), then the retry takes it over and gets the one reply written", async () => {
    const key = randomUUID();
    const text = `Cut off ${key}`;
    const first = await reply(text, key);
    expect(first.status).toBe(201);

    await cutOff(key, 1_000);
    const tooSoon = await reply(text, key);
    expect(tooSoon.status).toBe(409);
    expect(tooSoon.body.code).toBe("idempotency_key_in_use");

    await cutOff(key, ABANDONED_CLAIM_MS + 1_000);
    const retried = await reply(text, key);
    expect(retried.status).toBe(201);
    expect(retried.body.message.id).toBe(first.body.message.id);
    expect(await seeded.db.comment.count({ where: { body: text } })).toBe(1);
    // Kept again: the next retry is a plain replay.
    const replayed = await reply(text, key);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
  });

  it("that never wrote anything writes the reply once on the retry", async () => {
    const earlier = randomUUID();
    await reply("An earlier reply", earlier);
    const { ownerKey } = await seeded.db.idempotentResponse.findFirstOrThrow({ where: { key: earlier }, select: { ownerKey: true } });
    const key = randomUUID();
    const text = `Never written ${key}`;
    const fingerprint = fingerprintOf("POST", `/api/v1/requests/${requestId}/messages`, JSON.stringify({ body: text }));
    await seeded.db.idempotentResponse.create({ data: { ownerKey, key, fingerprint, createdAt: new Date(Date.now() - ABANDONED_CLAIM_MS - 1_000) } });
    const answer = await reply(text, key);
    expect(answer.status).toBe(201);
    expect(answer.headers.get("idempotent-replayed")).toBeNull();
    expect(await seeded.db.comment.count({ where: { body: text } })).toBe(1);
  });
});

describe("the database unreachable", () => {
  it("answers 503 unavailable with Retry-After, and the next call after it is back is answered as usual", async () => {
    const holder = globalThis as typeof globalThis & { porticoDatabase?: Database };
    await reply("warm-up", randomUUID());
    const working = holder.porticoDatabase;
    // Nothing listens on port 1: every connection is refused, as while PostgreSQL restarts.
    const unreachable = createDatabase({ url: "postgresql://postgres@127.0.0.1:1/portico", poolMax: 2 });
    holder.porticoDatabase = unreachable;
    try {
      const key = randomUUID();
      for (const answer of [await reply(`While down ${key}`, key), await callApi(listRequests, { route: "/api/v1/requests", token: alice })]) {
        expect(answer.status).toBe(503);
        expect(answer.body.code).toBe("unavailable");
        expect(answer.headers.get("retry-after")).toBe("2");
      }
      holder.porticoDatabase = working;
      const retried = await reply(`While down ${key}`, key);
      expect(retried.status).toBe(201);
      expect(await seeded.db.comment.count({ where: { body: `While down ${key}` } })).toBe(1);
    } finally {
      holder.porticoDatabase = working;
      await unreachable.$disconnect();
    }
  });
});
