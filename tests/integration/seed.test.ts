import { describe, expect, it } from "vitest";
import { DEFAULT_SERVICE_LEVEL_POLICY, newRequestState, serviceLevel, type RequestState } from "@/domain";
import { REQUEST_SCRIPTS } from "../../prisma/seed/demo-data";
import { seedDatabase } from "../../scripts/lib/seed";
import { prepareSeededDatabase } from "../setup/seeded-database";

const NOW = new Date("2026-11-21T09:00:00Z");
const seeded = prepareSeededDatabase(NOW);

/** Every row of every table, in a stable order: two equal snapshots mean nothing changed. */
async function snapshot() {
  const tables = await seeded.db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const result: Record<string, unknown> = {};
  for (const { tablename } of tables) {
    const [row] = await seeded.db.$queryRawUnsafe<{ count: bigint; digest: string | null }[]>(
      `SELECT count(*) AS count, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM "${tablename}" t`,
    );
    result[tablename] = { count: Number(row?.count), digest: row?.digest };
  }
  return result;
}

describe("demo data", () => {
  it("is idempotent: a second and a third run change nothing", async () => {
    const before = await snapshot();
    await seedDatabase(seeded.database.url, seeded.database.poolMax, NOW);
    await seedDatabase(seeded.database.url, seeded.database.poolMax, new Date(NOW.getTime() + 86_400_000));
    expect(await snapshot()).toEqual(before);
  });

  it("has the demo accounts with their roles", async () => {
    const users = await seeded.db.user.findMany({
      select: { email: true, isAgent: true, memberships: { select: { isTechnicalContact: true, isAdmin: true, organization: { select: { slug: true } } } } },
    });
    const byEmail = new Map(users.map((user) => [user.email, user]));
    expect(byEmail.get("agent@portico.test")?.isAgent).toBe(true);
    const membership = (email: string) => byEmail.get(email)?.memberships[0];
    expect(membership("alice@acme.test")).toMatchObject({ organization: { slug: "acme" }, isTechnicalContact: false, isAdmin: false });
    expect(membership("bob@acme.test")).toMatchObject({ organization: { slug: "acme" } });
    expect(membership("carol@acme.test")).toMatchObject({ organization: { slug: "acme" }, isTechnicalContact: true });
    expect(membership("dave@acme.test")).toMatchObject({ organization: { slug: "acme" }, isAdmin: true, isTechnicalContact: false });
    expect(membership("erin@acme.test")).toMatchObject({ organization: { slug: "acme" }, isTechnicalContact: true });
    expect(membership("gina@globex.test")).toMatchObject({ organization: { slug: "globex" } });
  });

  it("grants organization-level access to carol only, and has a pending request by dave for erin to approve", async () => {
    const activeGrants = await seeded.db.organizationAccessGrant.findMany({
      where: { revokedAt: null },
      select: { user: { select: { email: true } }, organization: { select: { slug: true } }, accessRequestId: true },
    });
    expect(activeGrants.filter((grant) => grant.organization.slug === "acme").map((grant) => grant.user.email)).toEqual(["carol@acme.test"]);
    expect(activeGrants.every((grant) => grant.accessRequestId !== null)).toBe(true);
    const pending = await seeded.db.organizationAccessRequest.findFirst({
      where: { approvalState: "pending", requester: { email: "dave@acme.test" } },
      select: { approver: { select: { email: true } } },
    });
    expect(pending?.approver?.email).toBe("erin@acme.test");
    expect(await seeded.db.organizationAccessRequest.count({ where: { approvalState: { in: ["approved", "not_required"] } } })).toBeGreaterThan(0);
  });

  it("covers every status, priority, solved reason and channel across at least 60 requests", async () => {
    expect(await seeded.db.request.count()).toBeGreaterThanOrEqual(60);
    const distinct = async (column: "status" | "priority" | "solvedReason" | "channel") =>
      (await seeded.db.$queryRawUnsafe<{ value: string | null }[]>(`SELECT DISTINCT "${column}"::text AS value FROM "Request"`)).map((row) => row.value);
    expect(new Set(await distinct("status"))).toEqual(new Set(["open", "pending", "on_hold", "solved"]));
    expect(new Set(await distinct("priority"))).toEqual(new Set(["S1", "S2", "S3", "S4"]));
    expect(new Set((await distinct("solvedReason")).filter(Boolean))).toEqual(new Set(["agreed", "bug_reported", "merged", "no_response"]));
    expect(new Set(await distinct("channel"))).toEqual(new Set(["web", "email", "chat"]));
  });

  it("keeps each request consistent with its solved reason", async () => {
    const requests = await seeded.db.request.findMany({
      select: {
        id: true, status: true, solvedAt: true, solvedReason: true, organizationId: true, mergedIntoId: true,
        bugReference: true, bugPriority: true, bugEta: true, reminderCount: true,
        mergedInto: { select: { organizationId: true, mergedIntoId: true } },
      },
    });
    for (const request of requests) {
      const solved = request.status === "solved";
      expect({ id: request.id, solvedAt: request.solvedAt !== null, reason: request.solvedReason !== null }).toEqual({ id: request.id, solvedAt: solved, reason: solved });
      if (request.solvedReason === "merged") {
        expect(request.mergedInto?.organizationId).toBe(request.organizationId);
        expect(request.mergedInto?.mergedIntoId).toBeNull();
      } else {
        expect(request.mergedIntoId).toBeNull();
      }
      if (request.solvedReason === "bug_reported") {
        expect([request.bugReference, request.bugPriority, request.bugEta].every(Boolean)).toBe(true);
      }
      if (request.solvedReason === "no_response") expect(request.reminderCount).toBeGreaterThanOrEqual(1);
    }
    expect(requests.filter((request) => request.solvedReason === "merged").length).toBeGreaterThanOrEqual(2);
  });

  it("has CCs, public replies, internal notes by agents, chat transcripts and an event log", async () => {
    expect(await seeded.db.requestCc.count({ where: { user: { email: "bob@acme.test" }, request: { requester: { email: "alice@acme.test" } } } })).toBeGreaterThan(0);
    expect(await seeded.db.comment.count({ where: { visibility: "public" } })).toBeGreaterThan(100);
    expect(await seeded.db.comment.count({ where: { visibility: "internal" } })).toBeGreaterThan(5);
    expect(await seeded.db.comment.count({ where: { visibility: "internal", author: { isAgent: false } } })).toBe(0);
    expect(await seeded.db.chatMessage.count()).toBeGreaterThan(10);
    expect(await seeded.db.requestEvent.count({ where: { type: "created" } })).toBe(await seeded.db.request.count());
    expect(await seeded.db.requestEvent.count({ where: { type: "priority_changed", reason: { not: null } } })).toBeGreaterThan(0);
    expect(await seeded.db.requestEvent.count({ where: { type: "reopened" } })).toBeGreaterThan(0);
  });

  it("stores what the domain's rules compute: the service-level due time and the no-response policy", async () => {
    const requests = await seeded.db.request.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true, organizationId: true, requesterId: true, channel: true, status: true, priority: true,
        createdAt: true, lastActivityAt: true, responseDueAt: true, solvedReason: true, reminderCount: true,
        comments: { where: { visibility: "public" }, select: { createdAt: true, isReminder: true, author: { select: { isAgent: true } } } },
        chatSessions: { select: { messages: { select: { sentAt: true, author: { select: { isAgent: true } } } } } },
      },
    });
    for (const request of requests) {
      // The request's public conversation: its replies and its chat lines, by who wrote them.
      const messages = [
        ...request.comments.map((comment) => ({ at: comment.createdAt.getTime(), byAgent: comment.author.isAgent })),
        ...request.chatSessions.flatMap((session) => session.messages.map((message) => ({ at: message.sentAt.getTime(), byAgent: message.author.isAgent }))),
      ];
      const agentTimes = messages.filter((message) => message.byAgent).map((message) => message.at);
      const customerTimes = messages.filter((message) => !message.byAgent).map((message) => message.at);
      const state: RequestState = {
        ...newRequestState({ id: request.id, organizationId: request.organizationId, requesterId: request.requesterId, channel: request.channel, priority: request.priority, at: request.createdAt }),
        status: request.status,
        lastActivityAt: request.lastActivityAt,
        firstAgentReplyAt: agentTimes.length > 0 ? new Date(Math.min(...agentTimes)) : null,
        lastAgentReplyAt: agentTimes.length > 0 ? new Date(Math.max(...agentTimes)) : null,
        // The description is the requester's first message.
        lastCustomerMessageAt: new Date(Math.max(request.createdAt.getTime(), ...customerTimes)),
      };
      const expectedDueAt = serviceLevel(state, NOW, DEFAULT_SERVICE_LEVEL_POLICY)?.dueAt ?? null;
      expect({ id: request.id, responseDueAt: request.responseDueAt }).toEqual({ id: request.id, responseDueAt: expectedDueAt });

      if (request.solvedReason === "no_response") {
        const reminded = { reminderCount: request.reminderCount >= 1, reminderComment: request.comments.some((comment) => comment.isReminder) };
        expect({ id: request.id, ...reminded }).toEqual({ id: request.id, reminderCount: true, reminderComment: true });
      }
    }
  });

  it("tells the stories the demo is for: every status several times, the scripted merges, reopens and no-response closures", async () => {
    for (const status of ["open", "pending", "on_hold", "solved"] as const) {
      expect({ status, atLeastThree: (await seeded.db.request.count({ where: { status } })) >= 3 }).toEqual({ status, atLeastThree: true });
    }
    const scriptedMerges = REQUEST_SCRIPTS.flatMap((script) => script.steps.flatMap((step) => (step.kind === "merge" ? [[script.id, step.into]] : [])));
    const merged = await seeded.db.request.findMany({ where: { solvedReason: "merged" }, orderBy: { id: "asc" }, select: { id: true, mergedIntoId: true } });
    expect(merged.map((request) => [request.id, request.mergedIntoId])).toEqual(scriptedMerges);
    expect(await seeded.db.requestEvent.count({ where: { type: "merge_received" } })).toBe(scriptedMerges.length);
    const reopened = await seeded.db.requestEvent.findMany({ where: { type: "reopened" }, distinct: ["requestId"], select: { requestId: true } });
    expect(reopened.length).toBeGreaterThanOrEqual(2);
    expect(await seeded.db.request.count({ where: { solvedReason: "no_response" } })).toBeGreaterThanOrEqual(4);
  });

  it("never CCs anyone outside the request's organization", async () => {
    const ccs = await seeded.db.requestCc.findMany({
      select: { request: { select: { organizationId: true } }, user: { select: { memberships: { select: { organizationId: true } } } } },
    });
    for (const cc of ccs) {
      expect(cc.user.memberships.map((membership) => membership.organizationId)).toContain(cc.request.organizationId);
    }
  });
});
