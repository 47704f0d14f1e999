import { describe, expect, it } from "vitest";
import { readSessionConfig } from "@/config/env";
import { MINUTE } from "@/domain";
import { disableAccount } from "@/server/accounts/disable-account";
import { enableAccount } from "@/server/accounts/enable-account";
import { listAccounts, type AccountRow } from "@/server/accounts/list-accounts";
import { setAccountStatus } from "@/server/accounts/set-account-status";
import { listAuditTrail } from "@/server/accounts/list-audit-trail";
import { authenticateWithPassword } from "@/server/people/authenticate";
import { loadViewer } from "@/server/people/viewer";
import type { Client } from "@/server/security/client";
import { continueSession, endSession, startSession } from "@/server/security/sessions";
import { DEMO_PASSWORD } from "../../scripts/lib/seed";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// Disabling an account (docs/product.md §8, docs/SECURITY.md "Accounts and audit trail"), through the
// use cases on the demo data: an agent's disabling ends every session of the person at once, in one
// transaction with the account and its audit event; enabling lets them sign in again; nobody else
// may, and nobody disables themselves.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);

const AGENT = "agent@portico.test";
const AGENTS_CLIENT: Client = { address: "10.9.0.7", userAgent: "test browser" };

/** An entry point's viewer: the agent, with the address their request came from. */
const agent = async (now = NOW) => ({ ...(await viewerFor(seeded.db, AGENT, now)), client: AGENTS_CLIENT });
const viewer = (email: string) => viewerFor(seeded.db, email, NOW);
const userId = async (email: string) => (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
const later = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);

async function accountRow(email: string): Promise<AccountRow> {
  const result = await listAccounts(seeded.db, await agent(), { q: email });
  const row = result.ok ? result.page.accounts.find((account) => account.email === email) : undefined;
  if (!row) throw new Error(`no row for ${email}`);
  return row;
}

/** Everything a change could touch: the account, its sessions and the audit trail about it. */
async function snapshot(email: string) {
  const id = await userId(email);
  const [user, sessions, audit] = await Promise.all([
    seeded.db.user.findUniqueOrThrow({ where: { id }, select: { disabledAt: true, updatedAt: true } }),
    seeded.db.session.findMany({ where: { userId: id }, orderBy: { id: "asc" }, select: { id: true, endedAt: true, endReason: true } }),
    seeded.db.auditEvent.count({ where: { subjectId: id } }),
  ]);
  return { user, sessions, audit };
}

const signInAs = (email: string, at: Date) =>
  authenticateWithPassword(seeded.db, { email, password: DEMO_PASSWORD }, { client: { address: `10.7.${at.getMinutes()}.1`, userAgent: "test" }, now: at });

describe("an agent disables an account", () => {
  it("ends every live session of that person at once, records who did it from where, and the person is signed out", async () => {
    const bob = await userId("bob@acme.test");
    const client = { address: "10.1.2.3", userAgent: "bob's browser" };
    const live = [await startSession(seeded.db, bob, client, NOW), await startSession(seeded.db, bob, client, later(-30)), await startSession(seeded.db, bob, client, later(-5))];
    // Signed out earlier: it keeps its own ending.
    const signedOut = await startSession(seeded.db, bob, client, later(-60));
    await endSession(seeded.db, signedOut, "signed_out", later(-50));
    expect(await accountRow("bob@acme.test")).toMatchObject({ name: "Bob Nakamura", isAgent: false, disabledAt: null, liveSessions: 3, changeable: true });

    const at = later(1);
    expect(await disableAccount(seeded.db, await agent(at), { accountId: bob })).toEqual({ ok: true, changed: true, sessionsEnded: 3, disabled: true });

    const sessions = await seeded.db.session.findMany({ where: { userId: bob }, select: { id: true, endedAt: true, endReason: true } });
    for (const id of live) expect(sessions.find((session) => session.id === id)).toEqual({ id, endedAt: at, endReason: "account_disabled" });
    expect(sessions.find((session) => session.id === signedOut)).toEqual({ id: signedOut, endedAt: later(-50), endReason: "signed_out" });
    for (const sessionId of live) expect(await continueSession(seeded.db, { userId: bob, sessionId }, later(2), readSessionConfig())).toBe(false);
    expect(await loadViewer(seeded.db, bob, { now: later(2), channel: "web" })).toBeNull();

    const events = await seeded.db.auditEvent.findMany({ where: { subjectId: bob, type: "account_disabled" } });
    expect(events).toEqual([
      expect.objectContaining({ at, type: "account_disabled", actorId: await userId(AGENT), subjectId: bob, clientAddress: "10.9.0.7", detail: { sessionsEnded: 3 } }),
    ]);
    expect(await accountRow("bob@acme.test")).toMatchObject({ disabledAt: at, liveSessions: 0 });
    // Even the right password no longer signs bob in, and the answer is the ordinary one.
    expect(await signInAs("bob@acme.test", later(3))).toEqual({ ok: false, reason: "wrong" });
  });

  it("changes nothing when the account is already disabled", async () => {
    const before = await snapshot("bob@acme.test");
    expect(before.user.disabledAt).not.toBeNull();
    expect(await disableAccount(seeded.db, await agent(later(4)), { accountId: await userId("bob@acme.test") })).toEqual({ ok: true, changed: false, sessionsEnded: 0, disabled: true });
    expect(await snapshot("bob@acme.test")).toEqual(before);
  });

  it("can be undone: enabling lets the person sign in again, and is recorded", async () => {
    const bob = await userId("bob@acme.test");
    const at = later(5);
    expect(await enableAccount(seeded.db, await agent(at), { accountId: bob })).toEqual({ ok: true, changed: true, sessionsEnded: 0, disabled: false });
    expect(await loadViewer(seeded.db, bob, { now: later(6), channel: "web" })).toMatchObject({ person: { email: "bob@acme.test" } });
    expect(await signInAs("bob@acme.test", later(6))).toMatchObject({ ok: true, value: { email: "bob@acme.test" } });
    expect(await seeded.db.auditEvent.findFirst({ where: { subjectId: bob, type: "account_enabled" } })).toMatchObject({ at, actorId: await userId(AGENT), clientAddress: "10.9.0.7" });
    expect(await accountRow("bob@acme.test")).toMatchObject({ disabledAt: null });

    // Enabling an enabled account changes nothing either.
    const before = await snapshot("bob@acme.test");
    expect(await enableAccount(seeded.db, await agent(later(7)), { accountId: bob })).toEqual({ ok: true, changed: false, sessionsEnded: 0, disabled: false });
    expect(await snapshot("bob@acme.test")).toEqual(before);
  });

  it("through the People list's one form, by the change the row asks for", async () => {
    const dave = await userId("dave@acme.test");
    await startSession(seeded.db, dave, { address: null, userAgent: null }, NOW);
    expect(await setAccountStatus(seeded.db, await agent(later(8)), { accountId: dave, change: "disable" })).toEqual({ ok: true, changed: true, sessionsEnded: 1, disabled: true });
    expect(await setAccountStatus(seeded.db, await agent(later(9)), { accountId: dave, change: "enable" })).toEqual({ ok: true, changed: true, sessionsEnded: 0, disabled: false });
    expect(await setAccountStatus(seeded.db, await agent(), { accountId: dave, change: "delete" })).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("two agents disabling at once disable it once", async () => {
    const gina = await userId("gina@globex.test");
    await startSession(seeded.db, gina, { address: null, userAgent: null }, NOW);
    const outcomes = await Promise.all([disableAccount(seeded.db, await agent(later(10)), { accountId: gina }), disableAccount(seeded.db, await agent(later(10)), { accountId: gina })]);
    expect(outcomes.filter((outcome) => outcome.ok && outcome.changed)).toHaveLength(1);
    expect(await seeded.db.auditEvent.count({ where: { subjectId: gina, type: "account_disabled" } })).toBe(1);
    await enableAccount(seeded.db, await agent(later(11)), { accountId: gina });
  });
});

describe("who may disable an account", () => {
  it("not a customer: they are answered as if there were no such thing, and nothing changes", async () => {
    const carol = await userId("carol@acme.test");
    await startSession(seeded.db, carol, { address: null, userAgent: null }, NOW);
    const before = await snapshot("carol@acme.test");
    for (const email of ["alice@acme.test", "dave@acme.test", "erin@acme.test", "gina@globex.test"]) {
      const customer = await viewer(email);
      expect(await disableAccount(seeded.db, customer, { accountId: carol }), email).toEqual({ ok: false, reason: "not_found" });
      expect(await enableAccount(seeded.db, customer, { accountId: carol }), email).toEqual({ ok: false, reason: "not_found" });
      expect(await setAccountStatus(seeded.db, customer, { accountId: carol, change: "disable" }), email).toEqual({ ok: false, reason: "not_found" });
      // Not even themselves.
      expect(await disableAccount(seeded.db, customer, { accountId: customer.actor.userId }), email).toEqual({ ok: false, reason: "not_found" });
      expect(await listAccounts(seeded.db, customer, {}), email).toEqual({ ok: false, reason: "not_found" });
      expect(await listAuditTrail(seeded.db, customer, {}), email).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await snapshot("carol@acme.test")).toEqual(before);
    expect(before.sessions.every((session) => session.endedAt === null)).toBe(true);
  });

  it("not the automation", async () => {
    const automation = { ...(await agent()), actor: { ...(await agent()).actor, isAutomation: true } };
    expect(await disableAccount(seeded.db, automation, { accountId: await userId("carol@acme.test") })).toEqual({ ok: false, reason: "not_found" });
  });

  it("no agent their own: refused, with nothing changed", async () => {
    const me = await agent();
    const before = await snapshot(AGENT);
    expect(await disableAccount(seeded.db, me, { accountId: me.actor.userId })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "own_account" } });
    expect(await snapshot(AGENT)).toEqual(before);
    expect(await accountRow(AGENT)).toMatchObject({ isAgent: true, changeable: false });
  });

  it("an account that does not exist, or an id that cannot be one, is not found", async () => {
    expect(await disableAccount(seeded.db, await agent(), { accountId: "no-such-account" })).toEqual({ ok: false, reason: "not_found" });
    expect(await enableAccount(seeded.db, await agent(), { accountId: "no-such-account" })).toEqual({ ok: false, reason: "not_found" });
    expect(await disableAccount(seeded.db, await agent(), { accountId: "" })).toEqual({ ok: false, reason: "not_found" });
    expect(await disableAccount(seeded.db, await agent(), { accountId: ["a", "b"] })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("the People list", () => {
  const COUNT = 73;

  it("pages by email, 50 at a time, without repeats, forwards and back", async () => {
    const organization = await seeded.db.organization.findFirstOrThrow({ where: { slug: "acme" }, select: { id: true } });
    await seeded.db.user.createMany({
      data: Array.from({ length: COUNT }, (_, index) => ({ email: `person-${String(index).padStart(3, "0")}@paging.test`, name: `Paging Person ${index}` })),
    });
    const first = await seeded.db.user.findUniqueOrThrow({ where: { email: "person-000@paging.test" }, select: { id: true } });
    await seeded.db.membership.create({ data: { userId: first.id, organizationId: organization.id } });

    const list = async (params: Record<string, string>) => {
      const result = await listAccounts(seeded.db, await agent(), { q: "@paging.test", ...params });
      if (!result.ok) throw new Error("no list");
      return result.page;
    };
    const page1 = await list({});
    expect(page1.accounts).toHaveLength(50);
    expect(page1.previousCursor).toBeNull();
    expect(page1.accounts[0]).toMatchObject({ email: "person-000@paging.test", organizations: ["Acme Corporation"], liveSessions: 0, disabledAt: null });
    const page2 = await list({ after: page1.nextCursor ?? "" });
    expect(page2.accounts).toHaveLength(COUNT - 50);
    expect(page2.nextCursor).toBeNull();
    const emails = [...page1.accounts, ...page2.accounts].map((account) => account.email);
    expect(new Set(emails).size).toBe(COUNT);
    expect(emails).toEqual([...emails].sort());

    const back = await list({ before: page2.previousCursor ?? "" });
    expect(back.accounts.map((account) => account.email)).toEqual(page1.accounts.map((account) => account.email));
    expect(back.previousCursor).toBeNull();
  });

  it("finds people by part of their email or name, in any case", async () => {
    const emails = async (q: unknown) => {
      const result = await listAccounts(seeded.db, await agent(), { q });
      return result.ok ? result.page.accounts.map((account) => account.email) : [];
    };
    expect(await emails("ERIN")).toEqual(["erin@acme.test"]);
    expect(await emails("yoon")).toEqual(["erin@acme.test"]);
    // 7, 70, 71 and 72.
    expect(await emails("Paging Person 7")).toHaveLength(4);
    // What is typed is found as written: % and _ are no wildcards.
    expect(await emails("person_00")).toEqual([]);
    expect(await emails("%")).toEqual([]);
    expect(await emails("\\")).toEqual([]);
    // Read leniently: a repeated parameter counts once; a malformed cursor starts at the first page.
    expect(await emails(["erin", "bob"])).toEqual(["erin@acme.test"]);
    expect((await listAccounts(seeded.db, await agent(), { after: "not-a-cursor" })).ok).toBe(true);
  });
});
