import { describe, expect, it } from "vitest";
import { SECOND } from "@/domain";
import { AuditEventType } from "@/generated/prisma/enums";
import { AUDIT_EVENT_TYPES } from "@/schemas/audit-trail";
import { listAuditTrail, type AuditTrailPage } from "@/server/accounts/list-audit-trail";
import { recordAudit } from "@/server/security/audit";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// The audit trail as agents read it (docs/SECURITY.md "Accounts and audit trail"): newest first,
// keyset-paged without repeats or gaps even where events share an instant, filtered by type and by a
// person's email; and the database itself refuses to change or remove a recorded event.

const NOW = new Date("2026-12-02T10:00:00.000Z");
const seeded = prepareSeededDatabase(NOW);

const userId = async (email: string) => (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

async function read(params: Record<string, unknown> = {}): Promise<AuditTrailPage> {
  const result = await listAuditTrail(seeded.db, await viewerFor(seeded.db, "agent@portico.test", NOW), params);
  if (!result.ok) throw new Error(`the audit trail answered ${result.reason}`);
  return result.page;
}

/** Every page from the first, following Next. */
async function readAll(params: Record<string, unknown> = {}) {
  const pages: AuditTrailPage[] = [];
  let after: string | null | undefined;
  do {
    const page = await read(after ? { ...params, after } : params);
    pages.push(page);
    after = page.nextCursor;
  } while (after && pages.length < 20);
  return pages;
}

const EVENTS = 137;

describe("the audit trail", () => {
  it("holds the same kinds of event as the database", () => {
    expect([...AUDIT_EVENT_TYPES].sort()).toEqual(Object.values(AuditEventType).sort());
  });

  it("pages newest first by keyset, 50 at a time, with no event twice or missing, instants shared or not", async () => {
    const [agent, bob, alice] = await Promise.all([userId("agent@portico.test"), userId("bob@acme.test"), userId("alice@acme.test")]);
    for (let index = 0; index < EVENTS; index++) {
      // Groups of up to seven events at one instant, so that pages break inside a group.
      const at = new Date(NOW.getTime() - Math.floor(index / 7) * SECOND);
      const type = index % 3 === 0 ? "sign_in_failed" : index % 3 === 1 ? "signed_in" : "account_disabled";
      await recordAudit(
        seeded.db,
        {
          type,
          actorId: type === "sign_in_failed" ? null : type === "signed_in" ? bob : agent,
          subjectId: type === "account_disabled" ? alice : bob,
          email: type === "sign_in_failed" ? `guess-${index}@nowhere.test` : null,
          client: { address: `10.20.0.${index % 250}`, userAgent: null },
          detail: type === "account_disabled" ? { sessionsEnded: index } : type === "sign_in_failed" && index % 2 === 0 ? { locked: true } : undefined,
        },
        at,
      );
    }

    const pages = await readAll();
    expect(pages.map((page) => page.entries.length)).toEqual([50, 50, 37]);
    const entries = pages.flatMap((page) => page.entries);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(EVENTS);
    const order = entries.map((entry) => [entry.at.getTime(), BigInt(entry.id)] as const);
    expect(order.every(([at, id], index) => index === 0 || at < order[index - 1]![0] || (at === order[index - 1]![0] && id < order[index - 1]![1]))).toBe(true);
    expect(pages[0]?.previousCursor).toBeNull();
    expect(pages.at(-1)?.nextCursor).toBeNull();

    // Previous from the last page is the middle one again, exactly.
    const back = await read({ before: pages[2]?.previousCursor });
    expect(back.entries.map((entry) => entry.id)).toEqual(pages[1]?.entries.map((entry) => entry.id));
    const first = await read({ before: back.previousCursor });
    expect(first.entries.map((entry) => entry.id)).toEqual(pages[0]?.entries.map((entry) => entry.id));
    expect(first.previousCursor).toBeNull();
  });

  it("says who acted, about whom, from where, and the details", async () => {
    const { entries } = await read({ type: "account_disabled" });
    expect(entries[0]).toMatchObject({
      type: "account_disabled",
      actor: { name: expect.any(String), email: "agent@portico.test" },
      subject: { email: "alice@acme.test" },
      email: null,
      clientAddress: expect.stringMatching(/^10\.20\.0\./),
      detail: { sessionsEnded: expect.any(Number) },
    });
    const failed = (await read({ type: "sign_in_failed" })).entries;
    expect(failed[0]).toMatchObject({ actor: null, subject: { email: "bob@acme.test" }, email: expect.stringMatching(/@nowhere\.test$/) });
    expect(failed.some((entry) => entry.detail.locked === true)).toBe(true);
  });

  it("names the organization of an access event", async () => {
    const organization = await seeded.db.organization.findFirstOrThrow({ where: { slug: "acme" }, select: { id: true, name: true } });
    await recordAudit(seeded.db, { type: "organization_access_granted", actorId: await userId("agent@portico.test"), subjectId: await userId("carol@acme.test"), detail: { organizationId: organization.id } }, NOW);
    expect((await read({ type: "organization_access_granted" })).entries[0]?.detail).toEqual({ organization: organization.name });
  });

  it("filters by type, across pages", async () => {
    const entries = (await readAll({ type: "signed_in" })).flatMap((page) => page.entries);
    expect(entries).toHaveLength(Math.floor((EVENTS + 1) / 3));
    expect(new Set(entries.map((entry) => entry.type))).toEqual(new Set(["signed_in"]));
    // Unknown or repeated, the type is read leniently: all events, or the first.
    expect((await read({ type: "dropped_table" })).view.type).toBeUndefined();
    expect((await read({ type: ["signed_in", "signed_out"] })).view.type).toBe("signed_in");
  });

  it("filters by a person's email: who acted, whom it was about, or the email a sign-in was tried with", async () => {
    const all = (params: Record<string, unknown>) => readAll(params).then((pages) => pages.flatMap((page) => page.entries));
    const aboutAlice = await all({ q: "ALICE@acme" });
    expect(aboutAlice.length).toBeGreaterThan(0);
    expect(aboutAlice.every((entry) => entry.subject?.email === "alice@acme.test" || entry.actor?.email === "alice@acme.test")).toBe(true);
    const byAgent = await all({ q: "agent@portico", type: "account_disabled" });
    expect(byAgent.every((entry) => entry.actor?.email === "agent@portico.test")).toBe(true);
    expect(await all({ q: "guess-3@nowhere" })).toEqual([expect.objectContaining({ email: "guess-3@nowhere.test" })]);
    // LIKE's wildcards are searched for as text.
    expect(await all({ q: "%" })).toEqual([]);
    expect(await all({ q: "guess_3" })).toEqual([]);
  });

  it("starts from the newest events when the cursor cannot be one", async () => {
    const newest = (await read()).entries.map((entry) => entry.id);
    for (const after of ["garbage", Buffer.from(JSON.stringify({ v: "not a date", id: "1" })).toString("base64url"), Buffer.from(JSON.stringify({ v: NOW.toISOString(), id: "1; DROP" })).toString("base64url")]) {
      expect((await read({ after })).entries.map((entry) => entry.id)).toEqual(newest);
    }
  });
});

describe("a recorded event", () => {
  it("cannot be changed or removed, even by the app's own database role", async () => {
    const count = await seeded.db.auditEvent.count();
    expect(count).toBeGreaterThan(0);
    await expect(seeded.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "clientAddress" = '127.0.0.1'`)).rejects.toThrow(/append-only/);
    await expect(seeded.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(seeded.db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await seeded.db.auditEvent.count()).toBe(count);
    expect(await seeded.db.auditEvent.count({ where: { clientAddress: "127.0.0.1" } })).toBe(0);
  });
});
