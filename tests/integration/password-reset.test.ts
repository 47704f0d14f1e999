import { describe, expect, it } from "vitest";
import { readMailConfig } from "@/config/env";
import { DEFAULT_SESSION_POLICY, MINUTE } from "@/domain";
import type { Database } from "@/server/db/client";
import { verifyPassword } from "@/server/people/password";
import { hashResetToken, requestPasswordReset } from "@/server/people/request-password-reset";
import { checkPasswordResetLink, resetPassword } from "@/server/people/reset-password";
import type { Client } from "@/server/security/client";
import { continueSession, startSession } from "@/server/security/sessions";
import { DEMO_PASSWORD } from "../../scripts/lib/seed";
import { prepareSecondClient, prepareSeededDatabase } from "../setup/seeded-database";

// Password reset by email (docs/SECURITY.md): the same answer for every email, a token stored only
// hashed that works once and for an hour, every session ended, and every step throttled like a password.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);
const second = prepareSecondClient(seeded);
const mail = readMailConfig({ NEXTAUTH_SECRET: "a-test-secret-that-is-long-enough-0123456789", NEXTAUTH_URL: "http://portal.test/" });
const NEW_PASSWORD = "a brand new passphrase";

let addresses = 0;
/** A client of its own for each test, so that the address throttle of one does not reach another. */
const newClient = (): Client => ({ address: `198.51.100.${++addresses}`, userAgent: "test" });
const at = (ms: number) => new Date(NOW.getTime() + ms);

const asks = (email: string, client: Client, now = NOW, db: Database = seeded.db) => requestPasswordReset(db, { now, client, locale: "it", mail }, { email });
const resets = (token: string, client: Client, now = NOW, password = NEW_PASSWORD, db: Database = seeded.db) =>
  resetPassword(db, { now, client }, { token, newPassword: password, confirmPassword: password });

async function user(email: string) {
  return seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true, passwordHash: true, locale: true } });
}

/** The token of the latest reset mail to `email`, read from the outbox as the recipient reads the link. */
async function mailedToken(email: string): Promise<string> {
  const sent = await seeded.db.outboundMail.findFirstOrThrow({ where: { toAddress: email, kind: "password_reset" }, orderBy: { createdAt: "desc" } });
  const match = /http:\/\/portal\.test\/password-reset\/([A-Za-z0-9_-]{43})/.exec(sent.text);
  if (!match?.[1]) throw new Error(`no reset link in ${sent.text}`);
  return match[1];
}

describe("asking for a reset link", () => {
  it("answers the same for a known, an unknown and a disabled account; only the known one gets a mail", async () => {
    const client = newClient();
    const before = await seeded.db.outboundMail.count();
    const known = await asks("Bob@Acme.test", client);
    const unknown = await asks("nobody@acme.test", client);
    await seeded.db.user.update({ where: { email: "carol@acme.test" }, data: { disabledAt: NOW } });
    const disabled = await asks("carol@acme.test", client);
    await seeded.db.user.update({ where: { email: "carol@acme.test" }, data: { disabledAt: null } });
    expect(known).toEqual({ ok: true });
    expect(unknown).toEqual(known);
    expect(disabled).toEqual(known);

    const sent = await seeded.db.outboundMail.findMany({ where: { createdAt: { gte: NOW }, kind: "password_reset" }, select: { toAddress: true, recipientId: true, locale: true } });
    expect(await seeded.db.outboundMail.count()).toBe(before + 1);
    const bob = await user("bob@acme.test");
    // Bob never chose a language: the page's is used.
    expect(sent).toEqual([{ toAddress: "bob@acme.test", recipientId: bob.id, locale: bob.locale ?? "it" }]);

    const audit = await seeded.db.auditEvent.findMany({ where: { type: "password_reset_requested", clientAddress: client.address }, orderBy: { id: "asc" }, select: { email: true, subjectId: true, detail: true } });
    expect(audit).toEqual([
      { email: "bob@acme.test", subjectId: bob.id, detail: { mailed: true } },
      { email: "nobody@acme.test", subjectId: null, detail: { mailed: false } },
      { email: "carol@acme.test", subjectId: expect.any(String), detail: { mailed: false } },
    ]);
  });

  it("stores only the token's hash, for an hour; asking again retires the earlier link", async () => {
    const client = newClient();
    await asks("dave@acme.test", client);
    const first = await mailedToken("dave@acme.test");
    const dave = await user("dave@acme.test");
    const rows = await seeded.db.passwordReset.findMany({ where: { userId: dave.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashResetToken(first));
    expect(JSON.stringify(rows)).not.toContain(first);
    expect(rows[0]?.expiresAt).toEqual(at(60 * MINUTE));

    await asks("dave@acme.test", client, at(1000));
    const latest = await mailedToken("dave@acme.test");
    expect(latest).not.toBe(first);
    expect(await checkPasswordResetLink(seeded.db, { now: at(2000), client }, { token: first })).toEqual({ ok: false, reason: "not_found" });
    expect(await checkPasswordResetLink(seeded.db, { now: at(2000), client }, { token: latest })).toEqual({ ok: true });
  });

  it("is throttled like password guesses, per email and per address", async () => {
    const client = newClient();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await asks("nobody-else@acme.test", client));
    // Four free attempts; the fifth makes the next one wait.
    expect(answers.slice(0, 5).every((answer) => answer.ok)).toBe(true);
    expect(answers[5]).toMatchObject({ ok: false, reason: "refused", refusal: { code: "throttled" } });
    // The same email from elsewhere waits too: it is the account that is limited.
    expect(await asks("nobody-else@acme.test", newClient())).toMatchObject({ ok: false, reason: "refused" });
  });

  it("refuses what is not an email", async () => {
    expect(await asks("not an email", newClient())).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { email: "invalid" } });
  });
});

describe("setting a new password with the link", () => {
  it("works once: the password changes, every session ends, failures are forgotten, the audit trail says so", async () => {
    const client = newClient();
    const erin = await user("erin@acme.test");
    const sessions = [await startSession(seeded.db, erin.id, client, NOW), await startSession(seeded.db, erin.id, client, NOW)];
    await asks("erin@acme.test", client);
    const token = await mailedToken("erin@acme.test");

    expect(await resets(token, client, at(MINUTE))).toEqual({ ok: true, sessionsEnded: 2 });
    const after = await user("erin@acme.test");
    expect(await verifyPassword(NEW_PASSWORD, after.passwordHash)).toBe(true);
    expect(await verifyPassword(DEMO_PASSWORD, after.passwordHash)).toBe(false);
    for (const sessionId of sessions) expect(await continueSession(seeded.db, { userId: erin.id, sessionId }, at(MINUTE), DEFAULT_SESSION_POLICY)).toBe(false);
    expect(await seeded.db.session.findMany({ where: { id: { in: sessions } }, select: { endReason: true } })).toEqual([{ endReason: "password_changed" }, { endReason: "password_changed" }]);
    expect(await seeded.db.signInThrottle.findUnique({ where: { key: "account:erin@acme.test" }, select: { failures: true } })).toEqual({ failures: 0 });

    const audit = await seeded.db.auditEvent.findFirstOrThrow({ where: { type: "password_reset", subjectId: erin.id } });
    expect(audit).toMatchObject({ actorId: erin.id, email: "erin@acme.test", clientAddress: client.address, detail: { sessionsEnded: 2 } });

    // Used: the same answer as any other link that does not work.
    expect(await resets(token, client, at(2 * MINUTE), "yet another passphrase")).toEqual({ ok: false, reason: "not_found" });
    expect(await verifyPassword(NEW_PASSWORD, (await user("erin@acme.test")).passwordHash)).toBe(true);
  });

  it("refuses expired, used, retired, wrong and malformed links alike", async () => {
    const client = newClient();
    await asks("alice@acme.test", client);
    const token = await mailedToken("alice@acme.test");
    const refused = { ok: false, reason: "not_found" };
    expect(await resets(token, client, at(60 * MINUTE))).toEqual(refused);
    expect(await resets(token, client, at(2 * 60 * MINUTE))).toEqual(refused);
    expect(await resets(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, client)).toEqual(refused);
    expect(await resets("too-short", client)).toEqual(refused);
    expect(await checkPasswordResetLink(seeded.db, { now: at(60 * MINUTE), client }, { token })).toEqual(refused);
    expect(await verifyPassword(DEMO_PASSWORD, (await user("alice@acme.test")).passwordHash)).toBe(true);
  });

  it("keeps the change-password rules, and checks them before the link", async () => {
    const client = newClient();
    await asks("gina@globex.test", client);
    const token = await mailedToken("gina@globex.test");
    expect(await resets(token, client, NOW, "short")).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { newPassword: "too_short" } });
    expect(await resetPassword(seeded.db, { now: NOW, client }, { token, newPassword: NEW_PASSWORD, confirmPassword: "something else" })).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { confirmPassword: "mismatch" },
    });
    // Still usable after those.
    expect(await checkPasswordResetLink(seeded.db, { now: NOW, client }, { token })).toEqual({ ok: true });
  });

  it("of two submissions at the same moment, one gets through", async () => {
    const client = newClient();
    await asks("agent@portico.test", client);
    const token = await mailedToken("agent@portico.test");
    const answers = await Promise.all([resets(token, client, at(1000), "first parallel passphrase"), resets(token, client, at(1000), "second parallel passphrase", second.db)]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.ok)).toEqual([{ ok: false, reason: "not_found" }]);
    const agent = await user("agent@portico.test");
    const winner = answers[0]?.ok ? "first parallel passphrase" : "second parallel passphrase";
    expect(await verifyPassword(winner, agent.passwordHash)).toBe(true);
    expect(await seeded.db.auditEvent.count({ where: { type: "password_reset", subjectId: agent.id } })).toBe(1);
  });

  it("counts a wrong link against the address: guessing is throttled", async () => {
    const client = newClient();
    const wrong = () => resets("x".repeat(43), client);
    const answers = [];
    for (let i = 0; i < 22; i++) answers.push(await wrong());
    expect(answers.slice(0, 21).every((answer) => !answer.ok && answer.reason === "not_found")).toBe(true);
    expect(answers[21]).toMatchObject({ ok: false, reason: "refused", refusal: { code: "throttled" } });
    // Even a good link waits, from that address.
    await asks("bob@acme.test", newClient(), at(1000));
    const good = await mailedToken("bob@acme.test");
    expect(await checkPasswordResetLink(seeded.db, { now: NOW, client }, { token: good })).toMatchObject({ ok: false, reason: "refused" });
    expect(await seeded.db.auditEvent.count({ where: { type: "sign_in_throttled", clientAddress: client.address } })).toBeGreaterThan(0);
  });
});
