import { describe, expect, it } from "vitest";
import { readMailConfig } from "@/config/env";
import { AGENT_MAIL_KINDS, CUSTOMER_MAIL_KINDS } from "@/domain";
import { unsubscribeToken } from "@/server/mail/signing";
import { readUnsubscribeLink, unsubscribe, unsubscribeUrls } from "@/server/mail/unsubscribe";
import { getNotificationPreferences, updateNotificationPreferences } from "@/server/people/notification-preferences";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// Notification preferences (docs/email.md): each person turns off their own kinds of mail, on their
// settings page or with the one-click unsubscribe link (RFC 8058) that every notification carries.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);
const mail = readMailConfig({ MAIL_TOKEN_KEYS: "k2:second-key-that-is-long-enough-0123456789,k1:first-key-that-is-long-enough-01234567890", NEXTAUTH_URL: "http://portal.test" });
const holder = { now: NOW, tokenKeys: mail.tokenKeys };
const viewer = (email: string) => viewerFor(seeded.db, email, NOW);
const mailOff = async (email: string) => (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { mailOff: true } })).mailOff;
const userId = async (email: string) => (await seeded.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;

describe("notification settings", () => {
  it("shows a customer the customer's kinds and an agent the agent's, all on at first", async () => {
    const customer = await getNotificationPreferences(seeded.db, await viewer("alice@acme.test"), {});
    expect(customer.ok && customer.choices).toEqual(CUSTOMER_MAIL_KINDS.map((kind) => ({ kind, enabled: true })));
    const agent = await getNotificationPreferences(seeded.db, await viewer("agent@portico.test"), {});
    expect(agent.ok && agent.choices).toEqual(AGENT_MAIL_KINDS.map((kind) => ({ kind, enabled: true })));
    expect(customer.ok && customer.undeliverable).toBeNull();
  });

  it("saves the kinds kept; the others of the person's set are turned off", async () => {
    const bob = await viewer("bob@acme.test");
    expect(await updateNotificationPreferences(seeded.db, bob, { enabled: ["agent_reply", "request_solved"] })).toEqual({ ok: true, mailOff: ["reminder", "acknowledgement", "cc_added"] });
    expect(await mailOff("bob@acme.test")).toEqual(["reminder", "acknowledgement", "cc_added"]);
    // One checkbox ticked arrives as a text; none as nothing.
    expect(await updateNotificationPreferences(seeded.db, bob, { enabled: "reminder" })).toMatchObject({ ok: true });
    expect(await mailOff("bob@acme.test")).toEqual(["agent_reply", "request_solved", "acknowledgement", "cc_added"]);
    expect(await updateNotificationPreferences(seeded.db, bob, {})).toMatchObject({ ok: true, mailOff: [...CUSTOMER_MAIL_KINDS] });
    const page = await getNotificationPreferences(seeded.db, bob, {});
    expect(page.ok && page.choices.every((choice) => !choice.enabled)).toBe(true);
  });

  it("accepts only the person's own kinds", async () => {
    const carol = await viewer("carol@acme.test");
    expect(await updateNotificationPreferences(seeded.db, carol, { enabled: ["agent_reply", "new_request"] })).toEqual({ ok: false, reason: "invalid", fieldErrors: { enabled: "invalid" } });
    expect(await updateNotificationPreferences(seeded.db, carol, { enabled: ["password_reset"] })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await updateNotificationPreferences(seeded.db, carol, { enabled: ["anything"] })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await mailOff("carol@acme.test")).toEqual([]);
    const agent = await viewer("agent@portico.test");
    expect(await updateNotificationPreferences(seeded.db, agent, { enabled: ["agent_reply"] })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await updateNotificationPreferences(seeded.db, agent, { enabled: ["assigned"] })).toEqual({ ok: true, mailOff: ["new_request", "customer_reply"] });
  });

  it("says when mail to the person's address is stopped, and why", async () => {
    await seeded.db.undeliverableAddress.create({ data: { address: "dave@acme.test", reason: "550 5.1.1 mailbox unavailable", markedAt: NOW } });
    const page = await getNotificationPreferences(seeded.db, await viewer("dave@acme.test"), {});
    expect(page.ok && page.undeliverable).toEqual({ reason: "550 5.1.1 mailbox unavailable", markedAt: NOW });
  });
});

describe("one-click unsubscribe", () => {
  it("builds the page and one-click links of a notification from a signed token", async () => {
    const erin = await userId("erin@acme.test");
    const token = unsubscribeToken(mail.tokenKeys, erin, "reminder");
    expect(unsubscribeUrls(mail, erin, "reminder")).toEqual({ page: `http://portal.test/unsubscribe/${token}`, oneClick: `http://portal.test/api/unsubscribe/${token}` });
  });

  it("reads a valid token and changes nothing until confirmed; then turns the kind off, once", async () => {
    const erin = await userId("erin@acme.test");
    const token = unsubscribeToken(mail.tokenKeys, erin, "agent_reply");
    expect(await readUnsubscribeLink(seeded.db, holder, { token })).toEqual({ ok: true, kind: "agent_reply", off: false });
    expect(await mailOff("erin@acme.test")).toEqual([]);

    expect(await unsubscribe(seeded.db, holder, { token })).toEqual({ ok: true, kind: "agent_reply" });
    expect(await unsubscribe(seeded.db, holder, { token })).toEqual({ ok: true, kind: "agent_reply" });
    expect(await mailOff("erin@acme.test")).toEqual(["agent_reply"]);
    expect(await readUnsubscribeLink(seeded.db, holder, { token })).toEqual({ ok: true, kind: "agent_reply", off: true });

    // Tokens signed with an older key still work while it is listed.
    const older = unsubscribeToken(mail.tokenKeys.slice(1), erin, "cc_added");
    expect(await unsubscribe(seeded.db, holder, { token: older })).toMatchObject({ ok: true });
    expect(await mailOff("erin@acme.test")).toEqual(["agent_reply", "cc_added"]);
  });

  it("refuses invalid and tampered tokens, changing nothing", async () => {
    const gina = await userId("gina@globex.test");
    const bob = await userId("bob@acme.test");
    const token = unsubscribeToken(mail.tokenKeys, gina, "reminder");
    const [, kind, signature] = token.split(".");
    const tampered = [
      `${bob}.${kind}.${signature}`,
      `${gina}.agent_reply.${signature}`,
      `${gina}.${kind}.${signature?.slice(0, -1)}${signature?.endsWith("a") ? "b" : "a"}`,
      unsubscribeToken([{ id: "k2", secret: "some-other-key-that-is-long-enough-0123456789" }], gina, "reminder"),
      "garbage",
      "",
      // Signed, but of no notification: account mail cannot be turned off.
      unsubscribeToken(mail.tokenKeys, gina, "password_reset"),
      unsubscribeToken(mail.tokenKeys, "nosuchuser0000000000000", "reminder"),
    ];
    for (const bad of tampered) {
      expect(await readUnsubscribeLink(seeded.db, holder, { token: bad })).toEqual({ ok: false, reason: "not_found" });
      expect(await unsubscribe(seeded.db, holder, { token: bad })).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await mailOff("gina@globex.test")).toEqual([]);
  });
});
