import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as getRequest } from "@/app/api/v1/requests/[id]/route";
import { GET as listRequests } from "@/app/api/v1/requests/route";
import { createRequest } from "@/server/requests/create-request";
import { apiToken, callApi, prepareApi } from "../setup/api";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// docs/api.md "Reading requests": the lists through My Requests' use case, one request through the
// request page's, every answer held to the OpenAPI document.

const seeded = prepareSeededDatabase();
prepareApi(seeded);

const tokens = new Map<string, string>();
async function tokenOf(email: string): Promise<string> {
  if (!tokens.has(email)) tokens.set(email, await apiToken(seeded.db, email, "read"));
  return tokens.get(email)!;
}
const list = async (email: string, query: Record<string, string> = {}) => callApi(listRequests, { route: "/api/v1/requests", token: await tokenOf(email), query });
const read = async (email: string, id: string | number) => callApi(getRequest, { route: "/api/v1/requests/{id}", params: { id: String(id) }, token: await tokenOf(email) });

/** Every page of a list by its cursor, as one array of ids. */
async function allPages(email: string, query: Record<string, string>, between?: () => Promise<void>): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  do {
    const page = await list(email, { ...query, ...(cursor ? { cursor } : {}) });
    expect(page.status).toBe(200);
    ids.push(...page.body.data.map((row: { id: number }) => row.id));
    cursor = page.body.nextCursor;
    await between?.();
  } while (cursor);
  return ids;
}

async function aliceOpens(subject = `API read ${randomUUID().slice(0, 8)}`): Promise<number> {
  const created = await createRequest(seeded.db, await viewerFor(seeded.db, "alice@acme.test"), { subject, description: "Listed while paging.", priority: "S4", ccUserIds: [], submissionKey: randomUUID() });
  if (!created.ok) throw new Error(JSON.stringify(created));
  return created.id;
}

describe("GET /api/v1/requests", () => {
  it("lists the caller's own requests by default, and an organization's only with organization-wide access", async () => {
    const mine = await list("alice@acme.test");
    expect(mine.body.scope).toBe("mine");
    const alice = await seeded.db.user.findUniqueOrThrow({ where: { email: "alice@acme.test" } });
    const owned = await seeded.db.request.count({ where: { requesterId: alice.id } });
    expect(mine.body.data.length).toBe(Math.min(25, owned));

    const organization = await list("carol@acme.test", { scope: "organization", limit: "100" });
    expect(organization.body.scope).toBe("organization");
    const acme = await seeded.db.organization.findFirstOrThrow({ where: { slug: "acme" } });
    expect(organization.body.data.length).toBe(Math.min(100, await seeded.db.request.count({ where: { organizationId: acme.id } })));

    // Without the grant the scope falls back to their own, and says so.
    expect((await list("dave@acme.test", { scope: "organization" })).body.scope).toBe("mine");
    // Another organization's customer sees none of Acme's.
    const gina = await list("gina@globex.test", { scope: "organization", limit: "100" });
    const acmeIds = new Set((await seeded.db.request.findMany({ where: { organizationId: acme.id }, select: { id: true } })).map((row) => row.id));
    expect(gina.body.data.some((row: { id: number }) => acmeIds.has(row.id))).toBe(false);
  });

  it("filters by status and priority, searches, and sorts either way", async () => {
    const solved = await list("carol@acme.test", { scope: "organization", status: "solved", limit: "100" });
    expect(solved.body.data.length).toBeGreaterThan(0);
    expect(solved.body.data.every((row: { status: string }) => row.status === "solved")).toBe(true);
    const urgent = await list("carol@acme.test", { scope: "organization", priority: "S1,S2", limit: "100" });
    expect(urgent.body.data.every((row: { priority: string }) => ["S1", "S2"].includes(row.priority))).toBe(true);

    const subject = `Heliotrope ${randomUUID().slice(0, 8)} export`;
    const id = await aliceOpens(subject);
    const found = await list("alice@acme.test", { q: subject.split(" ")[1]! });
    expect(found.body.data.map((row: { id: number }) => row.id)).toEqual([id]);

    const oldestFirst = await list("carol@acme.test", { scope: "organization", sort: "created", order: "asc", limit: "100" });
    const created = oldestFirst.body.data.map((row: { createdAt: string }) => row.createdAt);
    expect([...created].sort()).toEqual(created);
  });

  it("refuses a bad limit, filter or cursor with 422 and the field", async () => {
    for (const [query, field] of [
      [{ limit: "0" }, "limit"],
      [{ limit: "101" }, "limit"],
      [{ limit: "ten" }, "limit"],
      [{ status: "closed" }, "status"],
      [{ scope: "everything" }, "scope"],
      [{ cursor: "not-a-cursor" }, "cursor"],
    ] as const) {
      const answer = await list("alice@acme.test", query);
      expect(answer.status, JSON.stringify(query)).toBe(422);
      expect(answer.body.fields).toHaveProperty(field);
    }
  });

  it("a cursor honours the sort it was made for: used with another sort, order or search it is refused", async () => {
    const first = await list("carol@acme.test", { scope: "organization", limit: "2", sort: "created" });
    const cursor = first.body.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    expect((await list("carol@acme.test", { scope: "organization", limit: "2", sort: "created", cursor })).status).toBe(200);
    const others: Array<Record<string, string>> = [{ sort: "activity" }, { sort: "created", order: "asc" }, { sort: "created", q: "export" }];
    for (const other of others) {
      expect((await list("carol@acme.test", { scope: "organization", limit: "2", cursor, ...other })).status).toBe(422);
    }
  });

  it("pages through everything by cursor — the same rows as one big page, with no cap on depth", async () => {
    const whole = (await list("carol@acme.test", { scope: "organization", limit: "100", sort: "created" })).body.data.map((row: { id: number }) => row.id);
    const paged = await allPages("carol@acme.test", { scope: "organization", limit: "3", sort: "created" });
    expect(paged).toEqual(whole);
  });

  it("has no duplicates and no gaps when requests are added while paging", async () => {
    const before = (await list("alice@acme.test", { limit: "100" })).body.data.map((row: { id: number }) => row.id);
    const added: number[] = [];
    const paged = await allPages("alice@acme.test", { limit: "2" }, async () => {
      added.push(await aliceOpens());
    });
    expect(new Set(paged).size).toBe(paged.length);
    // Every request there before is on some page, in the same order; the new ones lead the list, not the later pages.
    expect(paged.filter((id) => before.includes(id))).toEqual(before);
    expect(paged.filter((id) => added.includes(id))).toEqual([]);
  });
});

describe("GET /api/v1/requests/{id}", () => {
  it("gives the requester the request with its conversation, and a chat as a transcript", async () => {
    const answer = await read("alice@acme.test", 1008);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: 1008, requester: { name: expect.any(String) }, organization: { name: expect.stringContaining("Acme") } });
    const chat = answer.body.thread.find((entry: { kind: string }) => entry.kind === "chat");
    expect(chat.lines.length).toBeGreaterThan(0);
  });

  it("shows internal notes to agents only, marked internal", async () => {
    const note = await seeded.db.comment.findFirstOrThrow({ where: { visibility: "internal", request: { organization: { slug: "acme" } } }, select: { id: true, requestId: true } });
    const agent = await read("agent@portico.test", note.requestId);
    expect(agent.body.thread.find((entry: { id: string }) => entry.id === note.id)).toMatchObject({ kind: "message", visibility: "internal" });
    const carol = await read("carol@acme.test", note.requestId);
    expect(carol.status).toBe(200);
    expect(carol.body.thread.some((entry: { id: string }) => entry.id === note.id)).toBe(false);
    expect(carol.body.thread.every((entry: { visibility?: string }) => entry.visibility !== "internal")).toBe(true);
  });

  it("links attachments that are known to be clean", async () => {
    const file = await seeded.db.attachment.findFirstOrThrow({ where: { scanStatus: "clean", request: { organization: { slug: "acme" } } }, select: { id: true, requestId: true } });
    const answer = await read("agent@portico.test", file.requestId!);
    const all = [...answer.body.attachments, ...answer.body.thread.flatMap((entry: { attachments?: unknown[] }) => entry.attachments ?? [])] as Array<{ id: string; url: string | null }>;
    expect(all.find((attachment) => attachment.id === file.id)?.url).toMatch(new RegExp(`^/attachments/${file.id}/`));
  });

  it("is 404 alike for a request of another organization, one that does not exist, and a malformed id", async () => {
    const id = await aliceOpens();
    for (const [email, target] of [
      ["gina@globex.test", id],
      ["dave@acme.test", id],
      ["alice@acme.test", 999_999],
      ["alice@acme.test", "abc"],
    ] as const) {
      const answer = await read(email, target);
      expect(answer.status, `${email} ${target}`).toBe(404);
      expect(answer.body).toMatchObject({ status: 404, code: "not_found" });
    }
  });
});
