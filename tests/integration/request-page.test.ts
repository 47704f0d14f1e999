import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/server/db/client";
import { addRequestCc } from "@/server/requests/add-request-cc";
import { getRequestPage, type RequestPage } from "@/server/requests/get-request-page";
import { removeRequestCc } from "@/server/requests/remove-request-cc";
import { replyToRequest } from "@/server/requests/reply-to-request";
import { DEMO_USERS, INTERNAL_ONLY_WORD } from "../../prisma/seed/demo-data";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor as viewerOf } from "../setup/viewers";

const seeded = prepareSeededDatabase();
const NOW = seeded.now;

const viewerFor = (email: string, now = NOW) => viewerOf(seeded.db, email, now);

/** The page, or null when the loader answers "not found" (its only other answer). */
async function pageFor(email: string, id: unknown): Promise<RequestPage | null> {
  const result = await getRequestPage(seeded.db, await viewerFor(email), { requestId: id as number });
  if (!result.ok) expect(result).toEqual({ ok: false, reason: "not_found" });
  return result.ok ? result.page : null;
}

async function requirePage(email: string, id: number): Promise<RequestPage> {
  const page = await pageFor(email, id);
  if (!page) throw new Error(`${email} cannot see #${id}`);
  return page;
}

/** Everything a write could touch, to prove that a refused one touched nothing. */
async function snapshot(requestId: number) {
  const db = seeded.db;
  const [comments, events, ccs, request] = await Promise.all([
    db.comment.count(),
    db.requestEvent.count(),
    db.requestCc.count(),
    db.request.findUniqueOrThrow({ where: { id: requestId }, select: { version: true, status: true, lastActivityAt: true } }),
  ]);
  return { comments, events, ccs, request };
}

const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

describe("the request page loader", () => {
  it("answers null alike for a request of another organization, one that does not exist, and ids that are not ids", async () => {
    const globex = await seeded.db.request.findUniqueOrThrow({ where: { id: 1002 }, select: { organization: { select: { slug: true } } } });
    expect(globex.organization.slug).toBe("globex");
    expect(await pageFor("alice@acme.test", 1002)).toBeNull();
    expect(await pageFor("alice@acme.test", "1002")).toBeNull();
    expect(await pageFor("alice@acme.test", 999_999)).toBeNull();
    for (const notAnId of ["abc", "0", "-1", "1.5", "1e3", "", " ", "99999999999", null, undefined]) {
      expect(await pageFor("alice@acme.test", notAnId)).toBeNull();
    }
    // Alice may not see carol's request either (same organization, no relation, no grant).
    expect(await pageFor("alice@acme.test", 1035)).toBeNull();
    expect(await pageFor("gina@globex.test", 1002)).not.toBeNull();
  });

  it("never includes an internal note for a customer, in any field", async () => {
    const cases: Array<[email: string, ids: number[]]> = [
      ["alice@acme.test", [1013, 1066]],
      ["carol@acme.test", [1013, 1035, 1066]],
      ["dave@acme.test", [1066]],
    ];
    for (const [email, ids] of cases) {
      for (const id of ids) {
        const page = await requirePage(email, id);
        expect(JSON.stringify(page).toLowerCase(), `${email} #${id}`).not.toContain(INTERNAL_ONLY_WORD);
        expect(page.thread.some((entry) => entry.kind === "comment" && entry.internal)).toBe(false);
      }
    }
    // The word is there for an agent, marked as an internal note: the check above would catch a leak.
    const agentPage = await requirePage("agent@portico.test", 1013);
    const note = agentPage.thread.find((entry) => entry.kind === "comment" && entry.body.includes(INTERNAL_ONLY_WORD));
    expect(note).toMatchObject({ kind: "comment", internal: true });
  });

  it("shows a request bob is CC'd on, with its details, replies, the priority history and the merges he may see", async () => {
    const page = await requirePage("bob@acme.test", 1039);
    expect(page.requester.name).toBe(DEMO_USERS.alice.name);
    expect(page.organization.name).toBe("Acme Corporation");
    expect(page.ccs.map((cc) => cc.name)).toContain(DEMO_USERS.bob.name);
    expect(page.priorityHistory).toEqual([expect.objectContaining({ from: "S2", to: "S1", reason: expect.stringContaining("Escalated") })]);
    expect(page.resolution).toMatchObject({ reason: "agreed" });
    expect(page.serviceLevel).toBeNull();
    // #1040 (alice's) and #1041 (bob's) were merged into #1039: whoever sees the target follows its links.
    expect(page.mergedFrom.map((link) => link.id)).toEqual([1040, 1041]);
    expect((await requirePage("alice@acme.test", 1039)).mergedFrom.map((link) => link.id)).toEqual([1040, 1041]);
    expect((await requirePage("carol@acme.test", 1039)).mergedFrom.map((link) => link.id)).toEqual([1040, 1041]);
    expect((await requirePage("bob@acme.test", 1040)).resolution).toMatchObject({ reason: "merged", mergedInto: { id: 1039 } });
    // Nobody else: dave sees none of the three.
    for (const id of [1039, 1040, 1041]) expect(await pageFor("dave@acme.test", id)).toBeNull();
    expect(page.canReply).toBe(true);
    expect(page.canManageCcs).toBe(false);
    expect(page.ccCandidates).toEqual([]);
  });

  it("links a merged request to its target, and lists chat sessions as chats in time order", async () => {
    const merged = await requirePage("alice@acme.test", 1033);
    expect(merged.status).toBe("solved");
    expect(merged.resolution).toMatchObject({ reason: "merged", mergedInto: { id: 1032, subject: expect.stringContaining("Board Pack") } });

    const withChat = await requirePage("alice@acme.test", 1043);
    const chat = withChat.thread.find((entry) => entry.kind === "chat");
    expect(chat?.kind === "chat" && chat.lines.length).toBe(6);
    // The demo data's customer reply that reopened the solved request says so.
    expect(withChat.thread.some((entry) => entry.kind === "comment" && entry.reopened)).toBe(true);
    const times = withChat.thread.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("tells what support owes: a first response due, nothing while Pending", async () => {
    const fresh = await requirePage("bob@acme.test", 1064);
    expect(fresh.serviceLevel).toMatchObject({ kind: "first_response", breached: expect.any(Boolean) });
    const pending = await requirePage("alice@acme.test", 1055);
    expect(pending.status).toBe("pending");
    expect(pending.serviceLevel).toBeNull();
  });

  it("offers the requester the organization's other members as CCs, and nobody else", async () => {
    const page = await requirePage("alice@acme.test", 1003);
    const names = page.ccCandidates.map((candidate) => candidate.name);
    expect(names).toEqual(expect.arrayContaining([DEMO_USERS.bob.name, DEMO_USERS.carol.name, DEMO_USERS.dave.name, DEMO_USERS.erin.name]));
    expect(names).not.toContain(DEMO_USERS.alice.name);
    expect(names).not.toContain(DEMO_USERS.gina.name);
    expect(names).not.toContain(DEMO_USERS.agent.name);
    expect(page.canManageCcs).toBe(true);
    // carol sees it through organization-level access: she may read, not reply or change CCs.
    const carol = await requirePage("carol@acme.test", 1003);
    expect([carol.canReply, carol.canManageCcs, carol.repliesFromAgentConsole]).toEqual([false, false, false]);
  });
});

describe("replying to a request", () => {
  it("reopens a Solved request and links status_changed and reopened to the new comment", async () => {
    const before = await snapshot(1001);
    expect(before.request.status).toBe("solved");
    const at = later(1);
    const result = await replyToRequest(seeded.db, await viewerFor("alice@acme.test", at), { requestId: 1001, body: "The **blank pages** are back.", submissionKey: randomUUID() });
    expect(result).toMatchObject({ ok: true, reopened: true });
    if (!result.ok) return;

    const after = await snapshot(1001);
    expect(after.request).toEqual({ version: before.request.version + 1, status: "open", lastActivityAt: at });
    expect(after.comments).toBe(before.comments + 1);
    const comment = await seeded.db.comment.findUniqueOrThrow({ where: { id: result.commentId } });
    expect(comment).toMatchObject({ requestId: 1001, visibility: "public", channel: "web", body: "The **blank pages** are back.", authorId: DEMO_USERS.alice.id });
    const events = await seeded.db.requestEvent.findMany({ where: { requestId: 1001, commentId: result.commentId }, orderBy: { type: "asc" } });
    expect(events.map((event) => [event.type, event.fromStatus, event.toStatus])).toEqual([
      ["status_changed", "solved", "open"],
      ["reopened", null, null],
    ]);
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: 1001 }, select: { responseDueAt: true, solvedReason: true } });
    expect(request.solvedReason).toBeNull();
    expect(request.responseDueAt).not.toBeNull();

    const page = await requirePage("alice@acme.test", 1001);
    expect(page.thread.find((entry) => entry.id === result.commentId)).toMatchObject({ kind: "comment", reopened: true });
  });

  it("makes a Pending request Open without calling it reopened", async () => {
    const result = await replyToRequest(seeded.db, await viewerFor("alice@acme.test", later(2)), { requestId: 1055, body: "Screenshot attached, zoom is 110%.", submissionKey: randomUUID() });
    expect(result).toMatchObject({ ok: true, reopened: false });
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: 1055 }, select: { status: true, reminderCount: true } });
    expect(request).toEqual({ status: "open", reminderCount: 0 });
  });

  it("changes nothing for someone who may not see the request, or may only read it, or for an agent", async () => {
    const before = await snapshot(1017);
    expect(await replyToRequest(seeded.db, await viewerFor("gina@globex.test"), { requestId: 1017, body: "Hello from Globex", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "not_found" });
    expect(await replyToRequest(seeded.db, await viewerFor("gina@globex.test"), { requestId: 999_999, body: "Hello", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "not_found" });
    expect(await replyToRequest(seeded.db, await viewerFor("carol@acme.test"), { requestId: 1017, body: "Reading only", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "not_found" });
    expect(await replyToRequest(seeded.db, await viewerFor("agent@portico.test"), { requestId: 1017, body: "From the portal", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "refused", refusal: expect.objectContaining({ code: "agent_reply_elsewhere" }) });
    expect(await snapshot(1017)).toEqual(before);
  });

  it("refuses an empty reply, or a malformed request id, and changes nothing", async () => {
    const before = await snapshot(1017);
    const alice = await viewerFor("alice@acme.test");
    expect(await replyToRequest(seeded.db, alice, { requestId: 1017, body: "   \n ", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "invalid", fieldErrors: { body: "required" } });
    expect(await replyToRequest(seeded.db, alice, { requestId: 1017, body: "x".repeat(20_001), submissionKey: randomUUID() })).toEqual({ ok: false, reason: "invalid", fieldErrors: { body: "too_long" } });
    expect(await replyToRequest(seeded.db, alice, { requestId: "1017abc", body: "Hello", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "not_found" });
    expect(await snapshot(1017)).toEqual(before);
  });

  it("lands two concurrent replies to the same request", async () => {
    // A PostgreSQL server runs the two transactions side by side on two clients; the embedded
    // database serves one session, so there they queue on the one client.
    const second: Database = seeded.database.poolMax > 1 ? createDatabase({ url: seeded.database.url, poolMax: 2 }) : seeded.db;
    try {
      const before = await snapshot(1019);
      const [alice, now] = [await viewerFor("alice@acme.test", later(3)), later(3)];
      const results = await Promise.all([
        replyToRequest(seeded.db, alice, { requestId: 1019, body: "First concurrent reply", submissionKey: randomUUID() }),
        replyToRequest(second, { ...alice, now }, { requestId: 1019, body: "Second concurrent reply", submissionKey: randomUUID() }),
      ]);
      expect(results).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);
      const after = await snapshot(1019);
      expect(after.comments).toBe(before.comments + 2);
      expect(after.request.version).toBe(before.request.version + 2);
      expect(after.request.status).toBe("open");
      // Only the first reply found it Solved.
      expect(results.filter((result) => result.ok && result.reopened)).toHaveLength(1);
    } finally {
      if (second !== seeded.db) await second.$disconnect();
    }
  });

  it("decides again when the request changed between reading and writing, and gives up with nothing saved if it keeps changing", async () => {
    // Another writer bumps the version just before ours writes, inside our transaction so that the
    // rollback takes it away again.
    const withRivals = (rivals: number) => {
      let left = rivals;
      return seeded.db.$extends({
        query: {
          request: {
            async updateMany({ args, query }) {
              if (left > 0 && typeof args.where?.id === "number") {
                left--;
                await query({ where: { id: args.where.id }, data: { version: { increment: 1 } } });
              }
              return query(args);
            },
          },
        },
      }) as unknown as Database;
    };
    const alice = await viewerFor("alice@acme.test", later(4));

    const before = await snapshot(1022);
    expect(await replyToRequest(withRivals(1), alice, { requestId: 1022, body: "Retried once", submissionKey: randomUUID() })).toMatchObject({ ok: true });
    const after = await snapshot(1022);
    expect(after.comments).toBe(before.comments + 1);
    expect(after.request.version).toBe(before.request.version + 1);

    expect(await replyToRequest(withRivals(10), alice, { requestId: 1022, body: "Never lands", submissionKey: randomUUID() })).toEqual({ ok: false, reason: "conflict" });
    expect(await snapshot(1022)).toEqual(after);
  });
});

describe("CCs", () => {
  const notEligible = { ok: false, reason: "refused", refusal: expect.objectContaining({ code: "not_eligible" }) };

  it("lets the requester add and remove an organization member, once each, and records both", async () => {
    const alice = await viewerFor("alice@acme.test");
    const carolId = DEMO_USERS.carol.id;
    const before = await snapshot(1017);
    expect(await addRequestCc(seeded.db, alice, { requestId: 1017, userId: carolId })).toEqual({ ok: true, changed: true });
    expect(await addRequestCc(seeded.db, alice, { requestId: 1017, userId: carolId })).toEqual({ ok: true, changed: false });
    expect((await requirePage("alice@acme.test", 1017)).ccs.map((cc) => cc.id)).toEqual([carolId]);
    expect(await removeRequestCc(seeded.db, alice, { requestId: 1017, userId: carolId })).toEqual({ ok: true, changed: true });
    expect(await removeRequestCc(seeded.db, alice, { requestId: 1017, userId: carolId })).toEqual({ ok: true, changed: false });

    const events = await seeded.db.requestEvent.findMany({ where: { requestId: 1017, type: { in: ["cc_added", "cc_removed"] } }, orderBy: { type: "asc" } });
    expect(events.map((event) => [event.type, event.actorId, event.data])).toEqual([
      ["cc_added", alice.actor.userId, { userId: carolId }],
      ["cc_removed", alice.actor.userId, { userId: carolId }],
    ]);
    const after = await snapshot(1017);
    // CC changes are not activity: the request row is untouched.
    expect(after.request).toEqual(before.request);
    expect(after.ccs).toBe(before.ccs);
  });

  it("refuses a user of another organization, the requester, and anyone who may not manage the CCs", async () => {
    const before = await snapshot(1017);
    const alice = await viewerFor("alice@acme.test");
    expect(await addRequestCc(seeded.db, alice, { requestId: 1017, userId: DEMO_USERS.gina.id })).toEqual(notEligible);
    expect(await addRequestCc(seeded.db, alice, { requestId: 1017, userId: DEMO_USERS.alice.id })).toEqual(notEligible);
    expect(await addRequestCc(seeded.db, alice, { requestId: 1017, userId: DEMO_USERS.agent.id })).toEqual(notEligible);
    expect(await addRequestCc(seeded.db, alice, { requestId: 1017, userId: "no-such-user" })).toEqual(notEligible);
    expect(await addRequestCc(seeded.db, alice, { requestId: 1017, userId: "" })).toEqual({ ok: false, reason: "invalid", fieldErrors: { userId: "required" } });
    // A CC may reply but not manage CCs; an organization viewer may only read; an outsider sees nothing.
    const bobOn1010 = await viewerFor("bob@acme.test");
    expect(await addRequestCc(seeded.db, bobOn1010, { requestId: 1010, userId: DEMO_USERS.erin.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await removeRequestCc(seeded.db, bobOn1010, { requestId: 1010, userId: DEMO_USERS.bob.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await addRequestCc(seeded.db, await viewerFor("carol@acme.test"), { requestId: 1017, userId: DEMO_USERS.erin.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await addRequestCc(seeded.db, await viewerFor("gina@globex.test"), { requestId: 1017, userId: DEMO_USERS.erin.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await snapshot(1017)).toEqual(before);
  });
});
