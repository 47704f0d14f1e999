import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as postRequest } from "@/app/api/v1/requests/route";
import { POST as postAssignment } from "@/app/api/v1/requests/[id]/assignment/route";
import { DELETE as deleteCc } from "@/app/api/v1/requests/[id]/ccs/[userId]/route";
import { POST as postCc } from "@/app/api/v1/requests/[id]/ccs/route";
import { POST as postMerge } from "@/app/api/v1/requests/[id]/merge/route";
import { POST as postMessage } from "@/app/api/v1/requests/[id]/messages/route";
import { POST as postNote } from "@/app/api/v1/requests/[id]/notes/route";
import { POST as postPriority } from "@/app/api/v1/requests/[id]/priority/route";
import { PUT as putRating } from "@/app/api/v1/requests/[id]/rating/route";
import { GET as getRequest } from "@/app/api/v1/requests/[id]/route";
import { POST as postSolve } from "@/app/api/v1/requests/[id]/solve/route";
import { POST as postStatus } from "@/app/api/v1/requests/[id]/status/route";
import { DEMO_USERS } from "../../prisma/seed/demo-data";
import { apiToken, callApi, prepareApi, type ApiAnswer } from "../setup/api";
import { prepareSeededDatabase } from "../setup/seeded-database";

// docs/api.md, "Changing requests": every write of the API is the portal's own use case, behind the
// same gate, through the channel "api"; a read-only token writes nothing, and Idempotency-Key makes
// a retried POST act once.

const seeded = prepareSeededDatabase();
prepareApi(seeded);

const tokens = { alice: "", aliceRead: "", bob: "", gina: "", agent: "", agentRead: "" };
beforeAll(async () => {
  const db = seeded.db;
  tokens.alice = await apiToken(db, "alice@acme.test");
  tokens.aliceRead = await apiToken(db, "alice@acme.test", "read");
  tokens.bob = await apiToken(db, "bob@acme.test");
  tokens.gina = await apiToken(db, "gina@globex.test");
  tokens.agent = await apiToken(db, "agent@portico.test");
  tokens.agentRead = await apiToken(db, "agent@portico.test", "read");
});

type Handler = Parameters<typeof callApi>[0];

const post = (handler: Handler, route: string, token: string, body: unknown, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  callApi(handler, { method: "POST", route, token, body, params, headers });

const newRequestBody = (subject = `API request ${randomUUID()}`) => ({ subject, description: "The export **fails** every night.", priority: "S3" });

/** A new request of Alice's, opened through the API. */
async function aliceRequest(): Promise<number> {
  const answer = await post(postRequest, "/api/v1/requests", tokens.alice, newRequestBody());
  expect(answer.status).toBe(201);
  return answer.body.request.id as number;
}

const onRequest = (handler: Handler, route: string, token: string, id: number | string, body: unknown, headers: Record<string, string> = {}) =>
  post(handler, `/api/v1/requests/{id}/${route}`, token, body, { id: String(id) }, headers);

const expectProblem = (answer: ApiAnswer, status: number, code: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.body).toMatchObject({ status, code });
};

describe("POST /api/v1/requests", () => {
  it("opens a request for the customer, by the channel api, with its Location", async () => {
    const answer = await post(postRequest, "/api/v1/requests", tokens.alice, { ...newRequestBody("Nightly export fails"), ccUserIds: [DEMO_USERS.carol.id] });
    expect(answer.status).toBe(201);
    const id = answer.body.request.id as number;
    expect(answer.headers.get("location")).toBe(`/api/v1/requests/${id}`);
    expect(answer.body.request).toMatchObject({ subject: "Nightly export fails", status: "open", priority: "S3", assigneeId: null, channel: "api" });
    const stored = await seeded.db.request.findUniqueOrThrow({ where: { id }, select: { channel: true, requesterId: true, ccs: { select: { userId: true } } } });
    expect(stored).toEqual({ channel: "api", requesterId: DEMO_USERS.alice.id, ccs: [{ userId: DEMO_USERS.carol.id }] });
  });

  it("refuses invalid input field by field (422), and agents, who do not open requests", async () => {
    const invalid = await post(postRequest, "/api/v1/requests", tokens.alice, { subject: "", priority: "S9" });
    expectProblem(invalid, 422, "invalid");
    expect(invalid.body.fields).toMatchObject({ subject: "subject_required", description: "description_required", priority: "priority_required" });
    expectProblem(await post(postRequest, "/api/v1/requests", tokens.alice, "not json"), 422, "invalid");
    expectProblem(await post(postRequest, "/api/v1/requests", tokens.alice, { ...newRequestBody(), ccUserIds: [DEMO_USERS.gina.id] }), 422, "invalid");
    expectProblem(await post(postRequest, "/api/v1/requests", tokens.agent, newRequestBody()), 422, "agents_cannot_create");
  });

  it("acts once per Idempotency-Key: the retry gets the same answer, marked replayed", async () => {
    const key = randomUUID();
    const body = newRequestBody(`Idempotent ${key}`);
    const first = await post(postRequest, "/api/v1/requests", tokens.alice, body, {}, { "idempotency-key": key });
    const second = await post(postRequest, "/api/v1/requests", tokens.alice, body, {}, { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await seeded.db.request.count({ where: { subject: body.subject } })).toBe(1);

    // The same key for something else is a mistake of the caller's.
    expectProblem(await post(postRequest, "/api/v1/requests", tokens.alice, { ...body, priority: "S2" }, {}, { "idempotency-key": key }), 422, "idempotency_key_reused");
    expect(await seeded.db.request.count({ where: { subject: body.subject } })).toBe(1);
  });
});

describe("POST /api/v1/requests/{id}/messages", () => {
  it("a customer's reply reopens a Solved request, by the channel api", async () => {
    const id = await aliceRequest();
    const solved = await onRequest(postStatus, "status", tokens.agent, id, { status: "solved", solvedReason: "agreed" });
    expect(solved.status).toBe(200);
    expect(solved.body.request.status).toBe("solved");

    const reply = await onRequest(postMessage, "messages", tokens.alice, id, { body: "It failed again last night." });
    expect(reply.status).toBe(201);
    expect(reply.headers.get("location")).toBe(`/api/v1/requests/${id}`);
    expect(reply.body.message).toMatchObject({ visibility: "public" });
    expect(reply.body.request.status).toBe("open");
    const comment = await seeded.db.comment.findUniqueOrThrow({ where: { id: reply.body.message.id as string }, select: { body: true, channel: true, authorId: true } });
    expect(comment).toEqual({ body: "It failed again last night.", channel: "api", authorId: DEMO_USERS.alice.id });
    const reopened = await seeded.db.requestEvent.findFirst({ where: { requestId: id, type: "reopened" }, select: { data: true } });
    expect(reopened?.data).toMatchObject({ via: "api" });
  });

  it("an agent's reply is the console's: Pending unless the agent says otherwise", async () => {
    const id = await aliceRequest();
    const reply = await onRequest(postMessage, "messages", tokens.agent, id, { body: "Could you send the log?" });
    expect(reply.status).toBe(201);
    expect(reply.body.request.status).toBe("pending");
    const comment = await seeded.db.comment.findUniqueOrThrow({ where: { id: reply.body.message.id as string }, select: { authorId: true, visibility: true, channel: true } });
    expect(comment).toEqual({ authorId: DEMO_USERS.agent.id, visibility: "public", channel: "api" });
    const held = await onRequest(postMessage, "messages", tokens.agent, id, { body: "Engineering is on it.", then: "on_hold", holdReason: "with_engineering" });
    expect(held.body.request.status).toBe("on_hold");
  });

  it("a retry with the same Idempotency-Key writes one reply", async () => {
    const id = await aliceRequest();
    const key = randomUUID();
    const first = await onRequest(postMessage, "messages", tokens.alice, id, { body: "Sent twice" }, { "idempotency-key": key });
    const second = await onRequest(postMessage, "messages", tokens.alice, id, { body: "Sent twice" }, { "idempotency-key": key });
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await seeded.db.comment.count({ where: { requestId: id, body: "Sent twice" } })).toBe(1);
  });

  it("is 404 for someone who may not see the request, and 422 for an empty body", async () => {
    const id = await aliceRequest();
    const before = await seeded.db.comment.count({ where: { requestId: id } });
    expectProblem(await onRequest(postMessage, "messages", tokens.bob, id, { body: "Not mine" }), 404, "not_found");
    expectProblem(await onRequest(postMessage, "messages", tokens.gina, id, { body: "Not my organization" }), 404, "not_found");
    expectProblem(await onRequest(postMessage, "messages", tokens.alice, 999999, { body: "Nobody's" }), 404, "not_found");
    expectProblem(await onRequest(postMessage, "messages", tokens.alice, "abc", { body: "Not an id" }), 404, "not_found");
    const empty = await onRequest(postMessage, "messages", tokens.alice, id, { body: "   " });
    expectProblem(empty, 422, "invalid");
    expect(empty.body.fields).toEqual({ body: "required" });
    expect(await seeded.db.comment.count({ where: { requestId: id } })).toBe(before);
  });
});

describe("CCs", () => {
  it("the requester adds a colleague by email or id (201, then 200 when already CC'd) and removes them (204)", async () => {
    const id = await aliceRequest();
    const added = await onRequest(postCc, "ccs", tokens.alice, id, { email: "Carol@acme.test" });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({ cc: { userId: DEMO_USERS.carol.id }, added: true });
    const again = await onRequest(postCc, "ccs", tokens.alice, id, { userId: DEMO_USERS.carol.id });
    expect(again.status).toBe(200);
    expect(again.body.added).toBe(false);
    expect(await seeded.db.requestCc.count({ where: { requestId: id } })).toBe(1);

    const removed = await callApi(deleteCc, { method: "DELETE", route: "/api/v1/requests/{id}/ccs/{userId}", token: tokens.alice, params: { id: String(id), userId: DEMO_USERS.carol.id } });
    expect(removed.status).toBe(204);
    expect(await seeded.db.requestCc.count({ where: { requestId: id } })).toBe(0);
    const events = await seeded.db.requestEvent.findMany({ where: { requestId: id, type: { in: ["cc_added", "cc_removed"] } }, select: { type: true }, orderBy: { createdAt: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["cc_added", "cc_removed"]);
  });

  it("refuses who cannot be CC'd alike, whether the address has an account or not", async () => {
    const id = await aliceRequest();
    expectProblem(await onRequest(postCc, "ccs", tokens.alice, id, { userId: DEMO_USERS.gina.id }), 422, "not_eligible");
    expectProblem(await onRequest(postCc, "ccs", tokens.alice, id, { email: "gina@globex.test" }), 422, "not_eligible");
    expectProblem(await onRequest(postCc, "ccs", tokens.alice, id, { email: "nobody@nowhere.test" }), 422, "not_eligible");
    const both = await onRequest(postCc, "ccs", tokens.alice, id, { email: "carol@acme.test", userId: DEMO_USERS.carol.id });
    expectProblem(both, 422, "invalid");
    expect(both.body.fields).toEqual({ email: "invalid" });
    expect((await onRequest(postCc, "ccs", tokens.alice, id, {})).body.fields).toEqual({ userId: "required" });
  });

  it("is 404 to a colleague who is neither requester nor CC, and to another organization", async () => {
    const id = await aliceRequest();
    expectProblem(await onRequest(postCc, "ccs", tokens.bob, id, { userId: DEMO_USERS.bob.id }), 404, "not_found");
    expectProblem(await onRequest(postCc, "ccs", tokens.gina, id, { email: "nobody@nowhere.test" }), 404, "not_found");
    const remove = await callApi(deleteCc, { method: "DELETE", route: "/api/v1/requests/{id}/ccs/{userId}", token: tokens.gina, params: { id: String(id), userId: DEMO_USERS.carol.id } });
    expectProblem(remove, 404, "not_found");
  });
});

describe("the agents' actions", () => {
  it("are 404 to customers, even on their own request", async () => {
    const id = await aliceRequest();
    expectProblem(await onRequest(postNote, "notes", tokens.alice, id, { body: "Psst" }), 404, "not_found");
    expectProblem(await onRequest(postStatus, "status", tokens.alice, id, { status: "pending" }), 404, "not_found");
    expectProblem(await onRequest(postPriority, "priority", tokens.alice, id, { priority: "S1", reason: "Urgent to me" }), 404, "not_found");
    expectProblem(await onRequest(postAssignment, "assignment", tokens.alice, id, { assigneeId: DEMO_USERS.agent.id }), 404, "not_found");
    expectProblem(await onRequest(postMerge, "merge", tokens.alice, id, { targetId: id }), 404, "not_found");
    const stored = await seeded.db.request.findUniqueOrThrow({ where: { id }, select: { status: true, priority: true, assigneeId: true, version: true } });
    expect(stored).toMatchObject({ status: "open", priority: "S3", assigneeId: null });
  });

  it("an internal note is written for agents only, and changes no status", async () => {
    const id = await aliceRequest();
    const note = await onRequest(postNote, "notes", tokens.agent, id, { body: "Customer on the legacy plan." });
    expect(note.status).toBe(201);
    expect(note.body.message.visibility).toBe("internal");
    expect(note.body.request.status).toBe("open");
    const comment = await seeded.db.comment.findUniqueOrThrow({ where: { id: note.body.message.id as string }, select: { body: true, visibility: true } });
    expect(comment).toEqual({ body: "Customer on the legacy plan.", visibility: "internal" });
    expect((await onRequest(postNote, "notes", tokens.agent, id, {})).body.fields).toMatchObject({ body: "required" });
  });

  it("status: Pending, On-hold with a reason, Solved with a resolution; refusals carry the rule's code", async () => {
    const id = await aliceRequest();
    expect((await onRequest(postStatus, "status", tokens.agent, id, { status: "pending" })).body.request.status).toBe("pending");
    expectProblem(await onRequest(postStatus, "status", tokens.agent, id, { status: "pending" }), 422, "already_in_status");
    expectProblem(await onRequest(postStatus, "status", tokens.agent, id, { status: "on_hold" }), 422, "unknown_hold_reason");
    const held = await onRequest(postStatus, "status", tokens.agent, id, { status: "on_hold", holdReason: "other", holdReasonText: "Waiting for the vendor" });
    expect(held.body.request.status).toBe("on_hold");
    expectProblem(await onRequest(postStatus, "status", tokens.agent, id, { status: "solved", solvedReason: "bug_reported" }), 422, "bug_reference_required");
    expect((await onRequest(postStatus, "status", tokens.agent, id, { status: "solved", solvedReason: "agreed" })).body.request.status).toBe("solved");
    const unknown = await onRequest(postStatus, "status", tokens.agent, id, { status: "closed" });
    expectProblem(unknown, 422, "invalid");
    expect(unknown.body.fields).toEqual({ status: "invalid" });
  });

  it("priority changes with a reason, which is required", async () => {
    const id = await aliceRequest();
    expectProblem(await onRequest(postPriority, "priority", tokens.agent, id, { priority: "S1", reason: "" }), 422, "reason_required");
    expectProblem(await onRequest(postPriority, "priority", tokens.agent, id, { priority: "S3", reason: "Same" }), 422, "same_priority");
    const changed = await onRequest(postPriority, "priority", tokens.agent, id, { priority: "S1", reason: "Production is down" });
    expect(changed.status).toBe(200);
    expect(changed.body.request.priority).toBe("S1");
  });

  it("assignment: to me, to another agent, to nobody; never to a customer", async () => {
    const id = await aliceRequest();
    expect((await onRequest(postAssignment, "assignment", tokens.agent, id, { assigneeId: "me" })).body.request.assigneeId).toBe(DEMO_USERS.agent.id);
    expect((await onRequest(postAssignment, "assignment", tokens.agent, id, { assigneeId: DEMO_USERS.sam.id })).body.request.assigneeId).toBe(DEMO_USERS.sam.id);
    expect((await onRequest(postAssignment, "assignment", tokens.agent, id, { assigneeId: null })).body.request.assigneeId).toBeNull();
    expect((await onRequest(postAssignment, "assignment", tokens.agent, id, { assigneeId: DEMO_USERS.bob.id })).body.fields).toEqual({ assigneeId: "invalid" });
    // Forgetting the field is not asking for nobody.
    expect((await onRequest(postAssignment, "assignment", tokens.agent, id, {})).body.fields).toEqual({ assigneeId: "required" });
  });

  it("merge: into another request of the organization, once; not across organizations", async () => {
    const source = await aliceRequest();
    const target = await aliceRequest();
    const merged = await onRequest(postMerge, "merge", tokens.agent, source, { targetId: target, commentOnMerged: "Continuing on the other request." });
    expect(merged.status).toBe(200);
    expect(merged.body.request).toMatchObject({ id: source, status: "solved", mergedIntoId: target });
    expect(merged.body.target).toMatchObject({ id: target, mergedIntoId: null });
    expectProblem(await onRequest(postMerge, "merge", tokens.agent, source, { targetId: target }), 422, "already_merged");
    expectProblem(await onRequest(postMerge, "merge", tokens.agent, target, { targetId: 1002 }), 422, "merge_across_organizations");
    expectProblem(await onRequest(postMerge, "merge", tokens.agent, target, { targetId: 999999 }), 422, "merge_target_not_found");
    expectProblem(await onRequest(postMerge, "merge", tokens.agent, 999999, { targetId: target }), 404, "not_found");
  });

  it("answers 409 with nothing saved when the request keeps changing under the write", async () => {
    const id = await aliceRequest();
    // Every versioned update of this request finds nothing to update, as if others always changed it first.
    await seeded.db.$executeRawUnsafe(`CREATE FUNCTION api_test_rival() RETURNS trigger AS $$ BEGIN IF OLD.id = ${id} THEN RETURN NULL; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await seeded.db.$executeRawUnsafe(`CREATE TRIGGER api_test_rival BEFORE UPDATE ON "Request" FOR EACH ROW EXECUTE FUNCTION api_test_rival()`);
    try {
      expectProblem(await onRequest(postStatus, "status", tokens.agent, id, { status: "pending" }), 409, "conflict");
      expectProblem(await onRequest(postMessage, "messages", tokens.alice, id, { body: "Lost in the race" }), 409, "conflict");
    } finally {
      await seeded.db.$executeRawUnsafe(`DROP TRIGGER api_test_rival ON "Request"`);
      await seeded.db.$executeRawUnsafe(`DROP FUNCTION api_test_rival()`);
    }
    expect(await seeded.db.comment.count({ where: { requestId: id, body: "Lost in the race" } })).toBe(0);
    expect((await seeded.db.request.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe("open");
  });
});

describe("the requester closes the loop", () => {
  const rate = (token: string, id: number, body: unknown) => callApi(putRating, { method: "PUT", route: "/api/v1/requests/{id}/rating", token, body, params: { id: String(id) } });
  const read = (token: string, id: number) => callApi(getRequest, { method: "GET", route: "/api/v1/requests/{id}", token, params: { id: String(id) } });

  it("marks their own request solved as agreed, recorded as theirs, once; nobody else may", async () => {
    const id = await aliceRequest();
    for (const token of [tokens.bob, tokens.gina, tokens.agent]) expectProblem(await onRequest(postSolve, "solve", token, id, undefined), 404, "not_found");
    const solved = await onRequest(postSolve, "solve", tokens.alice, id, undefined);
    expect(solved.status, JSON.stringify(solved.body)).toBe(200);
    expect(solved.body.request).toMatchObject({ id, status: "solved" });
    const stored = await seeded.db.request.findUniqueOrThrow({ where: { id }, select: { solvedReason: true } });
    expect(stored.solvedReason).toBe("agreed");
    const event = await seeded.db.requestEvent.findFirst({ where: { requestId: id, type: "status_changed" }, orderBy: { createdAt: "desc" }, select: { actorId: true, data: true } });
    expect(event?.actorId).toBe(DEMO_USERS.alice.id);
    expect(event?.data).toMatchObject({ solvedReason: "agreed", byRequester: true });
    expect((await onRequest(postSolve, "solve", tokens.alice, id, undefined)).status).toBe(422);
  });

  it("rates a solved request, changes the rating, and sees it on the request with its window; agents see it, a CC does not", async () => {
    const opened = await post(postRequest, "/api/v1/requests", tokens.alice, { ...newRequestBody(), ccUserIds: [DEMO_USERS.bob.id] });
    const id = opened.body.request.id as number;
    expectProblem(await rate(tokens.alice, id, { score: "good" }), 422, "rating_needs_solved");
    expect((await onRequest(postSolve, "solve", tokens.alice, id, undefined)).status).toBe(200);
    expectProblem(await rate(tokens.alice, id, { score: "excellent" }), 422, "unknown_score");
    expectProblem(await rate(tokens.bob, id, { score: "bad" }), 404, "not_found");
    expectProblem(await rate(tokens.agent, id, { score: "bad" }), 404, "not_found");

    const first = await rate(tokens.alice, id, { score: "bad", comment: "Took a week." });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ rating: { score: "bad", comment: "Took a week." }, changed: false });
    const second = await rate(tokens.alice, id, { score: "good", comment: "  " });
    expect(second.body).toMatchObject({ rating: { score: "good", comment: null }, changed: true });

    const mine = await read(tokens.alice, id);
    expect(mine.body.rating).toMatchObject({ score: "good", comment: null });
    expect(Date.parse(mine.body.ratingOpenUntil as string)).toBeGreaterThan(Date.now());
    expect((await read(tokens.agent, id)).body).toMatchObject({ rating: { score: "good" }, ratingOpenUntil: mine.body.ratingOpenUntil });
    expect((await read(tokens.bob, id)).body).toMatchObject({ rating: null, ratingOpenUntil: null });
    const status = await seeded.db.request.findUniqueOrThrow({ where: { id }, select: { status: true } });
    expect(status.status).toBe("solved");
  });

  it("refuses a rating once the window has closed, and says so on the request", async () => {
    const id = await aliceRequest();
    expect((await onRequest(postSolve, "solve", tokens.alice, id, undefined)).status).toBe(200);
    await seeded.db.request.update({ where: { id }, data: { solvedAt: new Date(Date.now() - 400 * 24 * 60 * 60 * 1000) } });
    expectProblem(await rate(tokens.alice, id, { score: "good" }), 422, "rating_window_closed");
    expect((await read(tokens.alice, id)).body.ratingOpenUntil).toBeNull();
    expect((await read(tokens.agent, id)).body.ratingOpenUntil).toBeNull();
  });
});

describe("writes from another site's page", () => {
  it("are refused (403) before anything is read", async () => {
    const id = String(await aliceRequest());
    const fromElsewhere = { origin: "https://elsewhere.test", "sec-fetch-site": "cross-site" };
    expectProblem(await post(postMessage, "/api/v1/requests/{id}/messages", tokens.alice, { body: "Forged" }, { id }, fromElsewhere), 403, "cross_site");
    expect(await seeded.db.comment.count({ where: { requestId: Number(id) } })).toBe(0);
  });
});

describe("read-only tokens", () => {
  it("are refused every write (403), whoever holds them", async () => {
    const id = String(await aliceRequest());
    const calls: [Handler, string, string, unknown][] = [
      [postRequest, "/api/v1/requests", tokens.aliceRead, newRequestBody()],
      [postMessage, "/api/v1/requests/{id}/messages", tokens.aliceRead, { body: "Read-only" }],
      [postCc, "/api/v1/requests/{id}/ccs", tokens.aliceRead, { userId: DEMO_USERS.carol.id }],
      [postNote, "/api/v1/requests/{id}/notes", tokens.agentRead, { body: "Read-only" }],
      [postStatus, "/api/v1/requests/{id}/status", tokens.agentRead, { status: "pending" }],
      [postPriority, "/api/v1/requests/{id}/priority", tokens.agentRead, { priority: "S1", reason: "Read-only" }],
      [postAssignment, "/api/v1/requests/{id}/assignment", tokens.agentRead, { assigneeId: "me" }],
      [postMerge, "/api/v1/requests/{id}/merge", tokens.agentRead, { targetId: 1001 }],
      [postSolve, "/api/v1/requests/{id}/solve", tokens.aliceRead, undefined],
    ];
    for (const [handler, route, token, body] of calls) expectProblem(await post(handler, route, token, body, { id }), 403, "read_only_token");
    const remove = await callApi(deleteCc, { method: "DELETE", route: "/api/v1/requests/{id}/ccs/{userId}", token: tokens.aliceRead, params: { id, userId: DEMO_USERS.carol.id } });
    expectProblem(remove, 403, "read_only_token");
    const stored = await seeded.db.request.findUniqueOrThrow({ where: { id: Number(id) }, select: { status: true, _count: { select: { comments: true, ccs: true } } } });
    expect(stored).toEqual({ status: "open", _count: { comments: 0, ccs: 0 } });
  });
});
