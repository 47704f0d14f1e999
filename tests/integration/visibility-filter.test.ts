import { describe, expect, it } from "vitest";
import { can, organizationsVisibleInFull, visibleRequestsFilter } from "@/domain";
import { openableRequestsWhere, visibleRequestsSql, visibleRequestsSqlWithin, visibleRequestsWhere } from "@/server/requests/visibility-query";
import { Prisma } from "@/generated/prisma/client";
import { DEMO_ACCOUNTS } from "../e2e/demo-accounts";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

const seeded = prepareSeededDatabase();
const NOW = seeded.now;

async function actorFor(email: string) {
  return (await viewerFor(seeded.db, email, NOW)).actor;
}

async function visibleIds(email: string) {
  const actor = await actorFor(email);
  const rows = await seeded.db.request.findMany({ where: visibleRequestsWhere(visibleRequestsFilter(actor, NOW)), select: { id: true }, orderBy: { id: "asc" } });
  return rows.map((row) => row.id);
}

describe("the visibility filter in the database", () => {
  it.each(DEMO_ACCOUNTS)("selects the same requests for %s in its Prisma form and in its SQL form", async (email) => {
    const filter = visibleRequestsFilter(await actorFor(email), NOW);
    const byPrisma = (await seeded.db.request.findMany({ where: visibleRequestsWhere(filter), select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
    const bySql = (await seeded.db.$queryRaw<{ id: number }[]>`SELECT r.id FROM "Request" r WHERE ${visibleRequestsSql(filter)} ORDER BY r.id`).map((row) => row.id);
    expect(bySql).toEqual(byPrisma);
    expect(byPrisma.length).toBeGreaterThan(0);
  });

  it.each(DEMO_ACCOUNTS)("within any set of organizations, selects for %s exactly what the whole filter selects there", async (email) => {
    const actor = await actorFor(email);
    const filter = visibleRequestsFilter(actor, NOW);
    const everyOrganization = (await seeded.db.organization.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
    const sets = [organizationsVisibleInFull(actor, NOW), everyOrganization, ...everyOrganization.map((id) => [id]), []];
    for (const organizations of sets) {
      const within = Prisma.sql`r."organizationId" IN (${organizations.length > 0 ? Prisma.join(organizations) : Prisma.sql`NULL`})`;
      const ids = async (visibility: Prisma.Sql) =>
        (await seeded.db.$queryRaw<{ id: number }[]>`SELECT r.id FROM "Request" r WHERE ${visibility === Prisma.empty ? within : Prisma.sql`${visibility} AND ${within}`} ORDER BY r.id`).map((row) => row.id);
      expect(await ids(visibleRequestsSqlWithin(filter, organizations)), organizations.join(",")).toEqual(await ids(visibleRequestsSql(filter)));
    }
    // Left out only where it changes nothing: the organizations the viewer reads in full.
    const readInFull = organizationsVisibleInFull(actor, NOW);
    if (filter.kind === "some" && readInFull.length > 0) expect(visibleRequestsSqlWithin(filter, readInFull)).toBe(Prisma.empty);
    if (filter.kind === "some") expect(visibleRequestsSqlWithin(filter, everyOrganization)).not.toBe(Prisma.empty);
  });

  it.each(DEMO_ACCOUNTS)("opens by id exactly the requests `can` lets %s see, merge links included", async (email) => {
    const actor = await actorFor(email);
    const parties = { organizationId: true, requesterId: true, ccs: { select: { userId: true } } } as const;
    const all = await seeded.db.request.findMany({ select: { id: true, ...parties, mergedInto: { select: parties }, mergedFrom: { select: parties } }, orderBy: { id: "asc" } });
    const toParties = (row: { organizationId: string; requesterId: string; ccs: { userId: string }[] }) => ({ organizationId: row.organizationId, requesterId: row.requesterId, ccUserIds: row.ccs.map((cc) => cc.userId) });
    const expected = all
      .filter((row) => can(actor, "view_request", { ...toParties(row), mergedInto: row.mergedInto ? toParties(row.mergedInto) : null, mergedFrom: row.mergedFrom.map(toParties) }, NOW))
      .map((row) => row.id);
    const opened = await seeded.db.request.findMany({ where: openableRequestsWhere(visibleRequestsFilter(actor, NOW)), select: { id: true }, orderBy: { id: "asc" } });
    expect(opened.map((row) => row.id)).toEqual(expected);
  });

  it.each(DEMO_ACCOUNTS)("returns exactly the requests `can` lets %s see", async (email) => {
    const actor = await actorFor(email);
    const all = await seeded.db.request.findMany({
      select: { id: true, organizationId: true, requesterId: true, ccs: { select: { userId: true } } },
      orderBy: { id: "asc" },
    });
    const expected = all
      .filter((request) => can(actor, "view_request", { organizationId: request.organizationId, requesterId: request.requesterId, ccUserIds: request.ccs.map((cc) => cc.userId) }, NOW))
      .map((request) => request.id);
    expect(await visibleIds(email)).toEqual(expected);
  });

  it("matches the demo story: agents see all, carol all of Acme, alice and bob their own and CC'd, nobody crosses organizations", async () => {
    const total = await seeded.db.request.count();
    const acme = (await seeded.db.request.findMany({ where: { organization: { slug: "acme" } }, select: { id: true }, orderBy: { id: "asc" } })).map((r) => r.id);
    expect(await visibleIds("agent@portico.test")).toHaveLength(total);
    expect(await visibleIds("carol@acme.test")).toEqual(acme);
    const alice = await visibleIds("alice@acme.test");
    expect(alice.length).toBeGreaterThan(10);
    expect(alice.every((id) => acme.includes(id))).toBe(true);
    const bobCcd = await seeded.db.request.findMany({ where: { ccs: { some: { user: { email: "bob@acme.test" } } } }, select: { id: true } });
    expect(await visibleIds("bob@acme.test")).toEqual(expect.arrayContaining(bobCcd.map((r) => r.id)));
    expect((await visibleIds("gina@globex.test")).some((id) => acme.includes(id))).toBe(false);
    // erin and dave: technical contact and admin without a grant see only their own.
    const erinOwn = await seeded.db.request.count({ where: { requester: { email: "erin@acme.test" } } });
    expect(await visibleIds("erin@acme.test")).toHaveLength(erinOwn + (await seeded.db.requestCc.count({ where: { user: { email: "erin@acme.test" } } })));
  });

  it("a revoked grant takes effect on the next query", async () => {
    const carol = await seeded.db.user.findUniqueOrThrow({ where: { email: "carol@acme.test" }, select: { id: true } });
    const before = (await visibleIds("carol@acme.test")).length;
    await seeded.db.organizationAccessGrant.updateMany({ where: { userId: carol.id, revokedAt: null }, data: { revokedAt: new Date() } });
    try {
      const after = await visibleIds("carol@acme.test");
      expect(after.length).toBeLessThan(before);
      const own = await seeded.db.request.findMany({
        where: { OR: [{ requesterId: carol.id }, { ccs: { some: { userId: carol.id } } }] },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      expect(after).toEqual(own.map((r) => r.id));
    } finally {
      await seeded.db.organizationAccessGrant.updateMany({ where: { userId: carol.id }, data: { revokedAt: null } });
    }
  });
});
