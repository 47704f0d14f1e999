import { describe, expect, it } from "vitest";
import { DEFAULT_SESSION_POLICY, HOUR, MINUTE } from "@/domain";
import { decideOrganizationAccess } from "@/server/organization-access/decide-organization-access";
import { grantOrganizationAccess } from "@/server/organization-access/grant-organization-access";
import { revokeOrganizationAccess } from "@/server/organization-access/revoke-organization-access";
import { changePassword } from "@/server/people/change-password";
import { endAllOwnSessions, endOwnSession, listOwnSessions } from "@/server/people/own-sessions";
import { verifyPassword } from "@/server/people/password";
import type { SignedInViewer } from "@/server/people/viewer";
import type { Client } from "@/server/security/client";
import { continueSession, startSession } from "@/server/security/sessions";
import { DEMO_PASSWORD } from "../../scripts/lib/seed";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

const seeded = prepareSeededDatabase();
const policy = DEFAULT_SESSION_POLICY;
const client: Client = { address: "192.0.2.7", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36" };
const later = (ms: number) => new Date(seeded.now.getTime() + ms);

async function userId(email: string) {
  return (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

/** The viewer as an entry point resolves it for a browser signed in with `sessionId`. */
async function viewerWithSession(email: string, sessionId: string, now = seeded.now): Promise<SignedInViewer> {
  return { ...(await viewerFor(seeded.db, email, now)), sessionId, client };
}

const live = async (email: string, sessionId: string, now = seeded.now) => continueSession(seeded.db, { userId: await userId(email), sessionId }, now, policy);

describe("server-side sessions (review finding 3)", () => {
  it("a session signs in while live; ended, idle, too old, someone else's or a disabled account's, it does not", async () => {
    const alice = await userId("alice@acme.test");
    const session = await startSession(seeded.db, alice, client, seeded.now);
    expect(await live("alice@acme.test", session)).toBe(true);
    expect(await live("bob@acme.test", session)).toBe(false);
    expect(await live("alice@acme.test", "no-such-session-id-000")).toBe(false);

    // Use keeps it alive past the idle timeout; no use ends it.
    expect(await live("alice@acme.test", session, later(policy.idleMs - MINUTE))).toBe(true);
    expect(await live("alice@acme.test", session, later(2 * policy.idleMs - 2 * MINUTE))).toBe(true);
    expect(await live("alice@acme.test", session, later(3 * policy.idleMs))).toBe(false);

    const old = await startSession(seeded.db, alice, client, seeded.now);
    expect(await live("alice@acme.test", old, later(policy.maxAgeMs))).toBe(false);

    const other = await startSession(seeded.db, alice, client, seeded.now);
    await seeded.db.user.update({ where: { id: alice }, data: { disabledAt: seeded.now } });
    try {
      expect(await live("alice@acme.test", other)).toBe(false);
    } finally {
      await seeded.db.user.update({ where: { id: alice }, data: { disabledAt: null } });
    }
    expect(await live("alice@acme.test", other)).toBe(true);
  });

  it("the Sessions page lists the person's own live sessions, this one marked", async () => {
    const bob = await userId("bob@acme.test");
    const here = await startSession(seeded.db, bob, client, seeded.now);
    const there = await startSession(seeded.db, bob, { address: "198.51.100.1", userAgent: null }, seeded.now);
    await startSession(seeded.db, await userId("carol@acme.test"), client, seeded.now);
    const outcome = await listOwnSessions(seeded.db, await viewerWithSession("bob@acme.test", here), {});
    expect(outcome.ok && outcome.sessions.map(({ id, current, clientAddress }) => ({ id, current, clientAddress })).sort((a, b) => Number(b.current) - Number(a.current))).toEqual([
      { id: here, current: true, clientAddress: "192.0.2.7" },
      { id: there, current: false, clientAddress: "198.51.100.1" },
    ]);
  });

  it("a person ends one of their sessions, never someone else's", async () => {
    const erin = await userId("erin@acme.test");
    const here = await startSession(seeded.db, erin, client, seeded.now);
    const there = await startSession(seeded.db, erin, client, seeded.now);
    const carols = await startSession(seeded.db, await userId("carol@acme.test"), client, seeded.now);
    const viewer = await viewerWithSession("erin@acme.test", here);

    expect(await endOwnSession(seeded.db, viewer, { sessionId: carols })).toEqual({ ok: false, reason: "not_found" });
    expect(await live("carol@acme.test", carols)).toBe(true);

    expect(await endOwnSession(seeded.db, viewer, { sessionId: there })).toEqual({ ok: true, current: false });
    expect(await live("erin@acme.test", there)).toBe(false);
    expect(await live("erin@acme.test", here)).toBe(true);
    expect(await seeded.db.auditEvent.count({ where: { type: "session_ended", subjectId: erin } })).toBe(1);
  });

  it("signing out everywhere ends every session of that person and no one else's", async () => {
    const dave = await userId("dave@acme.test");
    const sessions = await Promise.all([1, 2, 3].map(() => startSession(seeded.db, dave, client, seeded.now)));
    const carols = await startSession(seeded.db, await userId("carol@acme.test"), client, seeded.now);
    expect(await endAllOwnSessions(seeded.db, await viewerWithSession("dave@acme.test", sessions[0]!), {})).toEqual({ ok: true, sessionsEnded: 3 });
    for (const session of sessions) expect(await live("dave@acme.test", session)).toBe(false);
    expect(await live("carol@acme.test", carols)).toBe(true);
    expect(await seeded.db.auditEvent.findFirst({ where: { type: "signed_out", subjectId: dave }, select: { clientAddress: true, detail: true } })).toEqual({
      clientAddress: "192.0.2.7",
      detail: { everywhere: true, sessionsEnded: 3 },
    });
  });
});

describe("changing a password", () => {
  const input = { currentPassword: DEMO_PASSWORD, newPassword: "correct horse battery", confirmPassword: "correct horse battery" };

  it("refuses a wrong current password, a short or mismatched new one, and changes nothing", async () => {
    const gina = await userId("gina@globex.test");
    const session = await startSession(seeded.db, gina, client, seeded.now);
    const viewer = await viewerWithSession("gina@globex.test", session);
    const before = await seeded.db.user.findUniqueOrThrow({ where: { id: gina }, select: { passwordHash: true } });

    expect(await changePassword(seeded.db, viewer, { ...input, currentPassword: "wrong-password" })).toEqual({ ok: false, reason: "invalid", fieldErrors: { currentPassword: "wrong_password" } });
    expect(await changePassword(seeded.db, viewer, { ...input, newPassword: "short", confirmPassword: "short" })).toMatchObject({ fieldErrors: { newPassword: "too_short" } });
    expect(await changePassword(seeded.db, viewer, { ...input, confirmPassword: "something else" })).toMatchObject({ fieldErrors: { confirmPassword: "mismatch" } });
    expect(await changePassword(seeded.db, viewer, { ...input, newPassword: DEMO_PASSWORD, confirmPassword: DEMO_PASSWORD })).toMatchObject({ fieldErrors: { newPassword: "unchanged" } });

    expect(await seeded.db.user.findUniqueOrThrow({ where: { id: gina }, select: { passwordHash: true } })).toEqual(before);
    expect(await live("gina@globex.test", session)).toBe(true);
    expect(await seeded.db.auditEvent.count({ where: { type: "password_change_failed", subjectId: gina } })).toBe(1);
  });

  it("is throttled like signing in: guessing the current password soon has to wait", async () => {
    const viewer = await viewerWithSession("gina@globex.test", await startSession(seeded.db, await userId("gina@globex.test"), client, seeded.now), later(2 * HOUR));
    const answers = [];
    for (let guess = 0; guess < 8; guess++) answers.push(await changePassword(seeded.db, viewer, { ...input, currentPassword: `guess-${guess}` }));
    expect(answers.at(-1)).toMatchObject({ ok: false, reason: "refused", refusal: { code: "throttled" } });
  });

  it("with the right current password: the new one works, the old one not, and every session has ended", async () => {
    const carol = await userId("carol@acme.test");
    const sessions = await Promise.all([1, 2].map(() => startSession(seeded.db, carol, client, seeded.now)));
    const outcome = await changePassword(seeded.db, await viewerWithSession("carol@acme.test", sessions[0]!), input);
    expect(outcome).toMatchObject({ ok: true });
    const { passwordHash } = await seeded.db.user.findUniqueOrThrow({ where: { id: carol }, select: { passwordHash: true } });
    expect(await verifyPassword(input.newPassword, passwordHash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, passwordHash)).toBe(false);
    for (const session of sessions) expect(await live("carol@acme.test", session)).toBe(false);
    expect(await seeded.db.auditEvent.findFirst({ where: { type: "password_changed", subjectId: carol }, select: { actorId: true, clientAddress: true } })).toEqual({ actorId: carol, clientAddress: "192.0.2.7" });
  });

  it("says an account that signs in with single sign-on has no password here", async () => {
    const bob = await userId("bob@acme.test");
    const { passwordHash } = await seeded.db.user.findUniqueOrThrow({ where: { id: bob }, select: { passwordHash: true } });
    await seeded.db.user.update({ where: { id: bob }, data: { passwordHash: null } });
    try {
      const viewer = await viewerWithSession("bob@acme.test", await startSession(seeded.db, bob, client, seeded.now));
      expect(await changePassword(seeded.db, viewer, input)).toMatchObject({ ok: false, reason: "refused", refusal: { code: "no_password" } });
    } finally {
      await seeded.db.user.update({ where: { id: bob }, data: { passwordHash } });
    }
  });
});

describe("the audit trail (review finding 10)", () => {
  it("records organization access granted and revoked, with the agent, the person and the address", async () => {
    const agent = { ...(await viewerFor(seeded.db, "agent@portico.test")), client };
    // dave's request waits for erin, his technical contact; a decline is recorded too, so this one is approved.
    const pending = await seeded.db.organizationAccessRequest.findUniqueOrThrow({ where: { id: "seed-access-1044" }, select: { id: true, requesterId: true } });
    expect(await decideOrganizationAccess(seeded.db, { ...(await viewerFor(seeded.db, "erin@acme.test")), client }, { accessRequestId: pending.id, decision: "approve" })).toMatchObject({ ok: true });
    const granted = await grantOrganizationAccess(seeded.db, agent, { accessRequestId: pending.id });
    expect(granted).toMatchObject({ ok: true });
    const grantId = granted.ok ? granted.grantId : "";
    expect(await revokeOrganizationAccess(seeded.db, agent, { grantId })).toEqual({ ok: true });
    const events = await seeded.db.auditEvent.findMany({ where: { subjectId: pending.requesterId, type: { in: ["organization_access_granted", "organization_access_revoked"] } }, orderBy: { id: "asc" }, select: { type: true, actorId: true, clientAddress: true } });
    expect(events).toEqual([
      { type: "organization_access_granted", actorId: agent.actor.userId, clientAddress: "192.0.2.7" },
      { type: "organization_access_revoked", actorId: agent.actor.userId, clientAddress: "192.0.2.7" },
    ]);
  });

  it("cannot be changed or removed, even by the app's own database connection", async () => {
    await seeded.db.auditEvent.create({ data: { type: "signed_in", at: seeded.now } });
    await expect(seeded.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "clientAddress" = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(seeded.db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await seeded.db.auditEvent.count({ where: { clientAddress: "forged" } })).toBe(0);
  });
});
