import { describe, expect, it } from "vitest";
import { DEFAULT_THROTTLE_POLICY, MINUTE } from "@/domain";
import { authenticateWithOidc, authenticateWithPassword } from "@/server/people/authenticate";
import type { Client } from "@/server/security/client";
import { DEMO_PASSWORD } from "../../scripts/lib/seed";
import { DEMO_ACCOUNTS } from "../e2e/demo-accounts";
import { prepareSeededDatabase } from "../setup/seeded-database";

const seeded = prepareSeededDatabase();

// Each test signs in from its own address at its own time, so the throttle's counts do not carry over.
let clock = new Date("2026-12-01T09:00:00Z").getTime();
function attemptFrom(address: string): { client: Client; now: Date } {
  clock += 2 * 60 * MINUTE;
  const now = new Date(clock);
  return { client: { address, userAgent: "test" }, now };
}
const signIn = (input: unknown, attempt = attemptFrom(`10.0.0.${Math.floor(Math.random() * 250)}`)) => authenticateWithPassword(seeded.db, input, attempt);
const userOf = async (input: unknown) => {
  const result = await signIn(input);
  return result.ok ? result.value : null;
};

describe("password sign-in", () => {
  it.each(DEMO_ACCOUNTS)("admits %s with the demo password", async (email) => {
    expect(await userOf({ email, password: DEMO_PASSWORD })).toMatchObject({ email });
  });

  it("ignores the case of the email", async () => {
    expect(await userOf({ email: "Alice@Acme.TEST", password: DEMO_PASSWORD })).toMatchObject({ email: "alice@acme.test" });
  });

  it.each([
    ["a wrong password", { email: "alice@acme.test", password: "portico-demo!" }],
    ["an unknown email", { email: "mallory@acme.test", password: DEMO_PASSWORD }],
    ["an empty password", { email: "alice@acme.test", password: "" }],
    ["no input", undefined],
    ["a non-string", { email: ["alice@acme.test"], password: DEMO_PASSWORD }],
  ])("refuses %s", async (_, input) => {
    expect(await signIn(input)).toEqual({ ok: false, reason: "wrong" });
  });

  it("refuses a disabled account with the right password, like a wrong one", async () => {
    await seeded.db.user.update({ where: { email: "erin@acme.test" }, data: { disabledAt: new Date() } });
    try {
      expect(await signIn({ email: "erin@acme.test", password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "wrong" });
    } finally {
      await seeded.db.user.update({ where: { email: "erin@acme.test" }, data: { disabledAt: null } });
    }
  });
});

describe("password guessing (docs/product.md §8)", () => {
  const limits = DEFAULT_THROTTLE_POLICY.account;

  async function guessConcurrently(email: string, times: number, attempt: ReturnType<typeof attemptFrom>) {
    return Promise.all(Array.from({ length: times }, () => signIn({ email, password: "not-the-password" }, attempt)));
  }

  it.each(["dave@acme.test", "nobody-here@acme.test"])("200 parallel guesses at %s check only a handful of passwords, then say wait", async (email) => {
    const attempt = attemptFrom("10.1.0.1");
    const results = await guessConcurrently(email, 200, attempt);
    const checked = results.filter((result) => !result.ok && result.reason === "wrong").length;
    expect(checked).toBe(limits.freeFailures + 1);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(200 - checked);

    // Even the right password waits, from any address, and the answer is the same for an unknown email.
    const right = await signIn({ email, password: DEMO_PASSWORD }, { ...attempt, client: { address: "10.1.0.2", userAgent: null } });
    expect(right).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("locks an account after repeated failures, then lets the right password in once the lock is over", async () => {
    const email = "bob@acme.test";
    let at = attemptFrom("10.2.0.1").now.getTime();
    let last;
    // One guess whenever the throttle allows it, until the account is locked.
    for (let guess = 0; guess < limits.lockAfter; guess++) {
      last = await signIn({ email, password: "wrong-again" }, { client: { address: "10.2.0.1", userAgent: null }, now: new Date(at) });
      expect(last).toEqual({ ok: false, reason: "wrong" });
      at += 60 * 1000;
    }
    const locked = await signIn({ email, password: DEMO_PASSWORD }, { client: { address: "10.2.0.9", userAgent: null }, now: new Date(at) });
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect(await seeded.db.auditEvent.count({ where: { email, type: "sign_in_failed", detail: { path: ["locked"], equals: true } } })).toBe(1);

    const afterLock = await signIn({ email, password: DEMO_PASSWORD }, { client: { address: "10.2.0.9", userAgent: null }, now: new Date(at + limits.lockMs) });
    expect(afterLock).toMatchObject({ ok: true, value: { email } });
  });

  it("a right password clears the account's failures", async () => {
    const email = "carol@acme.test";
    const attempt = attemptFrom("10.3.0.1");
    await guessConcurrently(email, limits.freeFailures - 1, attempt);
    expect(await signIn({ email, password: DEMO_PASSWORD }, attempt)).toMatchObject({ ok: true });
    expect(await seeded.db.signInThrottle.findUnique({ where: { key: `account:${email}` } })).toMatchObject({ failures: 0, blockedUntil: null });
  });

  it("slows down one address guessing across many accounts", async () => {
    const attempt = attemptFrom("10.4.0.1");
    const results = [];
    for (let i = 0; i < DEFAULT_THROTTLE_POLICY.address.freeFailures + 2; i++) {
      results.push(await signIn({ email: `spray-${i}@acme.test`, password: "Winter2026!" }, attempt));
    }
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "throttled" });
    // Another address is not affected.
    expect(await signIn({ email: "alice@acme.test", password: DEMO_PASSWORD }, { ...attempt, client: { address: "10.4.0.2", userAgent: null } })).toMatchObject({ ok: true });
  });

  it("records every failure and every refusal in the audit trail, with the address", async () => {
    const email = "henry-unknown@acme.test";
    const attempt = attemptFrom("10.5.0.1");
    await guessConcurrently(email, 20, attempt);
    const events = await seeded.db.auditEvent.groupBy({ by: ["type"], where: { email }, _count: true });
    expect(Object.fromEntries(events.map((event) => [event.type, event._count]))).toEqual({ sign_in_failed: limits.freeFailures + 1, sign_in_throttled: 20 - limits.freeFailures - 1 });
    expect(await seeded.db.auditEvent.findFirst({ where: { email }, select: { clientAddress: true } })).toEqual({ clientAddress: "10.5.0.1" });
  });
});

describe("single sign-on", () => {
  it("links a verified email to the existing account, then recognises the identity", async () => {
    const first = await authenticateWithOidc(seeded.db, { subject: "sso|bob", email: "BOB@acme.test", emailVerified: true });
    expect(first).toMatchObject({ email: "bob@acme.test" });
    const again = await authenticateWithOidc(seeded.db, { subject: "sso|bob", email: undefined, emailVerified: false });
    expect(again?.id).toBe(first?.id);
  });

  it("refuses an unverified email, an unknown email, and a second identity for a linked account", async () => {
    expect(await authenticateWithOidc(seeded.db, { subject: "sso|x1", email: "erin@acme.test", emailVerified: false })).toBeNull();
    expect(await authenticateWithOidc(seeded.db, { subject: "sso|x2", email: "stranger@acme.test", emailVerified: true })).toBeNull();
    expect(await authenticateWithOidc(seeded.db, { subject: "sso|other-bob", email: "bob@acme.test", emailVerified: true })).toBeNull();
    expect(await seeded.db.user.count({ where: { email: "stranger@acme.test" } })).toBe(0);
  });
});
