import { describe, expect, it } from "vitest";
import { MINUTE } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { clearUndeliverable } from "@/server/mail/console/clear-undeliverable";
import { createRequestFromMail } from "@/server/mail/console/create-request-from-mail";
import { discardIncomingMail } from "@/server/mail/console/discard-incoming-mail";
import { getIncomingMail, getIncomingRaw, RAW_SHOWN_BYTES } from "@/server/mail/console/get-incoming-mail";
import { getOutgoingMail } from "@/server/mail/console/get-outgoing-mail";
import { listIncomingMail } from "@/server/mail/console/list-incoming-mail";
import { listOutgoingMail } from "@/server/mail/console/list-outgoing-mail";
import { listUndeliverable } from "@/server/mail/console/list-undeliverable";
import { mailAttention } from "@/server/mail/console/mail-attention";
import { retryOutgoingMail } from "@/server/mail/console/retry-outgoing-mail";
import { getAgentRequestPage } from "@/server/requests/get-agent-request-page";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// The agent console's Mail page (docs/email.md): outgoing and incoming mail and undeliverable
// addresses, each newest first (addresses by address) in keyset pages, filtered by state; Retry,
// Discard and Clear change exactly their row; customers are answered as if none of it existed.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);

const AGENT = "agent@portico.test";
const CUSTOMER = "alice@acme.test";
const agent = () => viewerFor(seeded.db, AGENT, NOW);
const customer = () => viewerFor(seeded.db, CUSTOMER, NOW);
/** Rows written here are dated after the demo data's, so newest-first lists start with them. */
const later = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE);
let serial = 0;

async function outgoing(data: Partial<Prisma.OutboundMailUncheckedCreateInput> = {}) {
  serial += 1;
  return seeded.db.outboundMail.create({
    data: {
      kind: "agent_reply",
      toAddress: `someone${serial}@example.test`,
      fromHeader: '"Portico Support" <support@portico.test>',
      subject: `Outgoing ${serial}`,
      messageId: `console-test-${serial}@portico.test`,
      headers: { "Auto-Submitted": "auto-generated" },
      text: "Hello in text",
      html: "<p>Hello in <b>HTML</b></p>",
      locale: "en",
      status: "kept",
      createdAt: later(serial),
      ...data,
    },
  });
}

const RAW = [
  "From: =?UTF-8?Q?Ren=C3=A9e?= <renee@example.test>",
  "To: support@portico.test",
  "Cc: other@example.test",
  "Subject: Cannot sign in",
  "Date: Mon, 30 Nov 2026 05:00:00 +0000",
  "Message-ID: <held-1@example.test>",
  "",
  "I cannot sign in since this morning.",
  "",
].join("\r\n");

async function incoming(data: Partial<Prisma.InboundMailUncheckedCreateInput> = {}) {
  serial += 1;
  const raw = Buffer.from(RAW);
  return seeded.db.inboundMail.create({
    data: {
      messageId: `inbound-${serial}@example.test`,
      transport: "smtp",
      raw,
      byteSize: raw.byteLength,
      fromAddress: "renee@example.test",
      fromName: "Renée",
      subject: `Incoming ${serial}`,
      status: "held",
      reason: "unknown_sender",
      receivedAt: later(serial),
      ...data,
    },
  });
}

const ids = (rows: Array<{ id: string }>) => rows.map((row) => row.id);

describe("the outgoing list", () => {
  it("is newest first, filtered by state, in keyset pages of 50 forwards and back", async () => {
    const failed = [];
    for (let index = 0; index < 53; index += 1) failed.push(await outgoing({ status: "failed", attempts: 5, lastError: "550 mailbox unavailable" }));
    const kept = await outgoing({ status: "kept" });
    const newestFirst = ids(failed).reverse();

    const first = await listOutgoingMail(seeded.db, await agent(), { status: "failed" });
    if (!first.ok) throw new Error("no page");
    expect(first.page.view).toEqual({ status: "failed" });
    expect(ids(first.page.mails)).toEqual(newestFirst.slice(0, 50));
    expect(first.page.previousCursor).toBeNull();
    expect(first.page.mails[0]).toMatchObject({ status: "failed", attempts: 5, lastError: "550 mailbox unavailable", retryable: true, kind: "agent_reply" });

    const second = await listOutgoingMail(seeded.db, await agent(), { status: "failed", after: first.page.nextCursor });
    if (!second.ok) throw new Error("no page");
    expect(ids(second.page.mails)).toEqual(newestFirst.slice(50));
    expect(second.page.nextCursor).toBeNull();

    const back = await listOutgoingMail(seeded.db, await agent(), { status: "failed", before: second.page.previousCursor });
    if (!back.ok) throw new Error("no page");
    expect(ids(back.page.mails)).toEqual(newestFirst.slice(0, 50));

    // All states by default, the kept one (newest) first; an unknown state or a broken cursor reads the default.
    const all = await listOutgoingMail(seeded.db, await agent(), { status: "nonsense", after: "%%%" });
    if (!all.ok) throw new Error("no page");
    expect(all.page.view).toEqual({ status: "all" });
    expect(all.page.mails[0]).toMatchObject({ id: kept.id, status: "kept", retryable: false });
    // No SMTP_URL in the tests: mail is kept, and the page says so.
    expect(all.page.outgoingServer).toBe(false);
  });

  it("shows one mail with every header as it is sent", async () => {
    const mail = await outgoing({ replyTo: "support+token@portico.test", inReplyTo: "earlier@portico.test", references: ["first@portico.test", "earlier@portico.test"], headers: { "Auto-Submitted": "auto-generated", "List-Unsubscribe": "<https://portico.test/u/x>" } });
    const found = await getOutgoingMail(seeded.db, await agent(), { mailId: mail.id });
    if (!found.ok) throw new Error("not found");
    expect(found.mail.headers).toEqual([
      { name: "From", value: '"Portico Support" <support@portico.test>' },
      { name: "To", value: mail.toAddress },
      { name: "Reply-To", value: "support+token@portico.test" },
      { name: "Subject", value: mail.subject },
      { name: "Message-ID", value: `<${mail.messageId}>` },
      { name: "In-Reply-To", value: "<earlier@portico.test>" },
      { name: "References", value: "<first@portico.test> <earlier@portico.test>" },
      { name: "Auto-Submitted", value: "auto-generated" },
      { name: "List-Unsubscribe", value: "<https://portico.test/u/x>" },
    ]);
    expect(found.mail).toMatchObject({ text: "Hello in text", html: "<p>Hello in <b>HTML</b></p>", retryable: false });
    expect(await getOutgoingMail(seeded.db, await agent(), { mailId: "no-such-mail" })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("the incoming list", () => {
  it("shows held mail by default, newest first, and any other state on asking", async () => {
    const held = await incoming();
    const appended = await incoming({ status: "appended", reason: null, requestId: 1002 });
    const unparseable = await incoming({ status: "unparseable", reason: "unparseable", detail: "no header section", fromAddress: null });

    const page = await listIncomingMail(seeded.db, await agent(), {});
    if (!page.ok) throw new Error("no page");
    expect(page.page.view).toEqual({ status: "held" });
    expect(ids(page.page.mails)).toContain(held.id);
    expect(page.page.mails.every((mail) => mail.status === "held")).toBe(true);
    expect(page.page.mails.find((mail) => mail.id === held.id)).toMatchObject({ reason: "unknown_sender", actionable: true, fromName: "Renée" });

    const all = await listIncomingMail(seeded.db, await agent(), { status: "all" });
    if (!all.ok) throw new Error("no page");
    expect(ids(all.page.mails).slice(0, 3)).toEqual([unparseable.id, appended.id, held.id]);
    expect(all.page.mails[1]).toMatchObject({ status: "appended", requestId: 1002, actionable: false });

    const broken = await listIncomingMail(seeded.db, await agent(), { status: "unparseable" });
    if (!broken.ok) throw new Error("no page");
    expect(ids(broken.page.mails)).toEqual([unparseable.id]);
  });

  it("pages held mail by 50, forwards and back", async () => {
    const rows = [];
    for (let index = 0; index < 51; index += 1) rows.push(await incoming({ receivedAt: later(10_000 + index) }));
    const newestFirst = ids(rows).reverse();
    const first = await listIncomingMail(seeded.db, await agent(), { status: "held" });
    if (!first.ok) throw new Error("no page");
    expect(ids(first.page.mails)).toEqual(newestFirst.slice(0, 50));
    const next = await listIncomingMail(seeded.db, await agent(), { status: "held", after: first.page.nextCursor });
    if (!next.ok) throw new Error("no page");
    expect(ids(next.page.mails)[0]).toBe(newestFirst[50]);
    const back = await listIncomingMail(seeded.db, await agent(), { status: "held", before: next.page.previousCursor });
    if (!back.ok) throw new Error("no page");
    expect(ids(back.page.mails)).toEqual(newestFirst.slice(0, 50));
  });

  it("shows one mail's headers read from the message, and its source, cut at 200 KB", async () => {
    const mail = await incoming();
    const found = await getIncomingMail(seeded.db, await agent(), { mailId: mail.id });
    if (!found.ok) throw new Error("not found");
    expect(found.mail.headers).toEqual([
      { name: "From", value: '"Renée" <renee@example.test>' },
      { name: "To", value: "support@portico.test" },
      { name: "Cc", value: "other@example.test" },
      { name: "Subject", value: "Cannot sign in" },
      { name: "Date", value: "Mon, 30 Nov 2026 05:00:00 +0000" },
      { name: "Message-ID", value: "<held-1@example.test>" },
    ]);
    expect(found.mail).toMatchObject({ source: RAW, sourceTruncated: false, actionable: true });

    const big = Buffer.concat([Buffer.from(RAW), Buffer.alloc(RAW_SHOWN_BYTES, "a")]);
    const large = await incoming({ raw: big, byteSize: big.byteLength });
    const shown = await getIncomingMail(seeded.db, await agent(), { mailId: large.id });
    if (!shown.ok) throw new Error("not found");
    expect(shown.mail.sourceTruncated).toBe(true);
    expect(shown.mail.source.length).toBe(RAW_SHOWN_BYTES);
    const raw = await getIncomingRaw(seeded.db, await agent(), { mailId: large.id });
    expect(raw.ok && Buffer.from(raw.raw).equals(big)).toBe(true);

    // A message with no readable header section shows none, and still its source.
    const garbage = await incoming({ raw: Buffer.from("\u0000\u0001 not a mail"), byteSize: 12, status: "unparseable" });
    const unreadable = await getIncomingMail(seeded.db, await agent(), { mailId: garbage.id });
    expect(unreadable.ok && unreadable.mail.headers.filter((header) => header.name !== "Message-ID" && header.name !== "Date")).toEqual([]);
  });
});

describe("customers", () => {
  it("find none of it: every reader and every change answers not found, and nothing changes", async () => {
    const viewer = await customer();
    const mail = await outgoing({ status: "failed" });
    const held = await incoming();
    await seeded.db.undeliverableAddress.create({ data: { address: "customer-test@example.test", reason: "550" } });
    const notFound = { ok: false, reason: "not_found" };
    expect(await listOutgoingMail(seeded.db, viewer, {})).toEqual(notFound);
    expect(await listIncomingMail(seeded.db, viewer, {})).toEqual(notFound);
    expect(await listUndeliverable(seeded.db, viewer, {})).toEqual(notFound);
    expect(await getOutgoingMail(seeded.db, viewer, { mailId: mail.id })).toEqual(notFound);
    expect(await getIncomingMail(seeded.db, viewer, { mailId: held.id })).toEqual(notFound);
    expect(await getIncomingRaw(seeded.db, viewer, { mailId: held.id })).toEqual(notFound);
    expect(await retryOutgoingMail(seeded.db, viewer, { mailId: mail.id })).toEqual(notFound);
    expect(await discardIncomingMail(seeded.db, viewer, { mailId: held.id })).toEqual(notFound);
    expect(await clearUndeliverable(seeded.db, viewer, { address: "customer-test@example.test" })).toEqual(notFound);
    expect(await createRequestFromMail(seeded.db, viewer, { inboundMailId: held.id, requesterEmail: CUSTOMER })).toEqual(notFound);
    expect(await mailAttention(seeded.db, viewer)).toBeNull();

    expect(await seeded.db.outboundMail.findUniqueOrThrow({ where: { id: mail.id } })).toEqual(mail);
    expect(await seeded.db.inboundMail.findUniqueOrThrow({ where: { id: held.id } })).toEqual(held);
    expect(await seeded.db.undeliverableAddress.count({ where: { address: "customer-test@example.test" } })).toBe(1);
  });
});

describe("Retry", () => {
  it("puts a failed mail back in the outbox now, keeping its attempts and error, and changes nothing else", async () => {
    const mail = await outgoing({ status: "failed", attempts: 7, lastError: "421 try later", nextAttemptAt: later(-600), lockedUntil: later(-590) });
    expect(await retryOutgoingMail(seeded.db, await agent(), { mailId: mail.id })).toEqual({ ok: true, status: "kept" });
    // No SMTP_URL here: it is kept again rather than queued for a sender that does not exist.
    expect(await seeded.db.outboundMail.findUniqueOrThrow({ where: { id: mail.id } })).toEqual({ ...mail, status: "kept", nextAttemptAt: NOW, lockedUntil: null });
  });

  it("queues it when an outgoing server is configured", async () => {
    const mail = await outgoing({ status: "failed", attempts: 3 });
    const before = process.env.SMTP_URL;
    process.env.SMTP_URL = "smtp://127.0.0.1:2525";
    try {
      expect(await retryOutgoingMail(seeded.db, await agent(), { mailId: mail.id })).toEqual({ ok: true, status: "queued" });
    } finally {
      if (before === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = before;
    }
    expect(await seeded.db.outboundMail.findUniqueOrThrow({ where: { id: mail.id } })).toMatchObject({ status: "queued", attempts: 3, nextAttemptAt: NOW });
  });

  it("is refused for mail that did not fail, and for an address still marked undeliverable, until it is cleared", async () => {
    const sent = await outgoing({ status: "sent" });
    expect(await retryOutgoingMail(seeded.db, await agent(), { mailId: sent.id })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "not_retryable" } });
    expect(await seeded.db.outboundMail.findUniqueOrThrow({ where: { id: sent.id } })).toEqual(sent);

    const suppressed = await outgoing({ status: "suppressed", toAddress: "bounced@example.test", lastError: "The address is marked undeliverable." });
    await seeded.db.undeliverableAddress.create({ data: { address: "bounced@example.test", reason: "550 no such user", mailId: suppressed.id } });
    const listed = await listOutgoingMail(seeded.db, await agent(), { status: "suppressed" });
    expect(listed.ok && listed.page.mails.find((mail) => mail.id === suppressed.id)?.retryable).toBe(false);
    expect(await retryOutgoingMail(seeded.db, await agent(), { mailId: suppressed.id })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "address_undeliverable" } });
    expect(await seeded.db.outboundMail.findUniqueOrThrow({ where: { id: suppressed.id } })).toEqual(suppressed);

    expect(await clearUndeliverable(seeded.db, await agent(), { address: "Bounced@Example.test" })).toEqual({ ok: true });
    const detail = await getOutgoingMail(seeded.db, await agent(), { mailId: suppressed.id });
    expect(detail.ok && detail.mail.retryable).toBe(true);
    expect(await retryOutgoingMail(seeded.db, await agent(), { mailId: suppressed.id })).toEqual({ ok: true, status: "kept" });
    expect(await retryOutgoingMail(seeded.db, await agent(), { mailId: "no-such-mail" })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("Discard", () => {
  it("sets a held mail aside with who and when, and changes nothing else", async () => {
    const held = await incoming();
    const viewer = await agent();
    expect(await discardIncomingMail(seeded.db, viewer, { mailId: held.id })).toEqual({ ok: true });
    expect(await seeded.db.inboundMail.findUniqueOrThrow({ where: { id: held.id } })).toEqual({ ...held, status: "discarded", handledById: viewer.actor.userId, handledAt: NOW });
    // Only once: a discarded (or appended) mail is not held any more.
    expect(await discardIncomingMail(seeded.db, viewer, { mailId: held.id })).toMatchObject({ ok: false, reason: "refused", refusal: { code: "not_held" } });
    const appended = await incoming({ status: "appended", requestId: 1002 });
    expect(await discardIncomingMail(seeded.db, viewer, { mailId: appended.id })).toMatchObject({ ok: false, reason: "refused" });
    expect(await seeded.db.inboundMail.findUniqueOrThrow({ where: { id: appended.id } })).toEqual(appended);
    expect(await discardIncomingMail(seeded.db, viewer, { mailId: "no-such-mail" })).toEqual({ ok: false, reason: "not_found" });
  });

  it("applies to an unreadable mail too", async () => {
    const broken = await incoming({ status: "unparseable", reason: "unparseable" });
    expect(await discardIncomingMail(seeded.db, await agent(), { mailId: broken.id })).toEqual({ ok: true });
  });
});

describe("Clear and the undeliverable list", () => {
  it("lists addresses by address in pages, and Clear deletes exactly the one row", async () => {
    const addresses = Array.from({ length: 52 }, (_, index) => `list-${String(index).padStart(2, "0")}@example.test`);
    await seeded.db.undeliverableAddress.createMany({ data: addresses.map((address) => ({ address, reason: "550 no such user" })) });
    const mail = await outgoing({ status: "failed", toAddress: "list-00@example.test" });
    await seeded.db.undeliverableAddress.update({ where: { address: "list-00@example.test" }, data: { mailId: mail.id } });
    const all = (await seeded.db.undeliverableAddress.findMany({ select: { address: true }, orderBy: { address: "asc" } })).map((row) => row.address);

    const first = await listUndeliverable(seeded.db, await agent(), {});
    if (!first.ok) throw new Error("no page");
    expect(first.page.addresses.map((row) => row.address)).toEqual(all.slice(0, 50));
    expect(first.page.addresses.find((row) => row.address === "list-00@example.test")).toMatchObject({ mailId: mail.id, reason: "550 no such user" });
    const next = await listUndeliverable(seeded.db, await agent(), { after: first.page.nextCursor });
    if (!next.ok) throw new Error("no page");
    expect(next.page.addresses.map((row) => row.address)).toEqual(all.slice(50, 100));
    const back = await listUndeliverable(seeded.db, await agent(), { before: next.page.previousCursor });
    expect(back.ok && back.page.addresses.map((row) => row.address)).toEqual(all.slice(0, 50));

    expect(await clearUndeliverable(seeded.db, await agent(), { address: "list-07@example.test" })).toEqual({ ok: true });
    const left = (await seeded.db.undeliverableAddress.findMany({ select: { address: true }, orderBy: { address: "asc" } })).map((row) => row.address);
    expect(left).toEqual(all.filter((address) => address !== "list-07@example.test"));
    expect(await clearUndeliverable(seeded.db, await agent(), { address: "list-07@example.test" })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("Create request", () => {
  it("checks the requester's email before anything is made", async () => {
    const held = await incoming();
    expect(await createRequestFromMail(seeded.db, await agent(), { inboundMailId: held.id, requesterEmail: "not an address" })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { requesterEmail: "invalid_email" },
    });
    expect(await createRequestFromMail(seeded.db, await agent(), { inboundMailId: "bad id!", requesterEmail: CUSTOMER })).toEqual({ ok: false, reason: "not_found" });
  });

  it("makes a request of a held mail for the customer named, through the inbound code", async () => {
    const held = await incoming();
    expect(await createRequestFromMail(seeded.db, await agent(), { inboundMailId: held.id, requesterEmail: "nobody-here@example.test" })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { requesterEmail: "unknown_customer" },
    });
    const made = await createRequestFromMail(seeded.db, await agent(), { inboundMailId: held.id, requesterEmail: ` ${CUSTOMER.toUpperCase()} ` });
    if (!made.ok) throw new Error(JSON.stringify(made));
    const request = await seeded.db.request.findUniqueOrThrow({ where: { id: made.requestId }, select: { requester: { select: { email: true } }, channel: true } });
    expect(request).toEqual({ requester: { email: CUSTOMER }, channel: "email" });
    expect(await seeded.db.inboundMail.findUniqueOrThrow({ where: { id: held.id }, select: { status: true, requestId: true } })).toEqual({ status: "created", requestId: made.requestId });
  });
});

describe("the console", () => {
  it("counts held incoming and failed outgoing mail for the navigation", async () => {
    const before = await mailAttention(seeded.db, await agent());
    await incoming();
    await outgoing({ status: "failed" });
    await outgoing({ status: "sent" });
    expect(await mailAttention(seeded.db, await agent())).toEqual({ held: (before?.held ?? 0) + 1, failed: (before?.failed ?? 0) + 1 });
  });

  it("links each comment that came by email to its original mail on the agent's request page", async () => {
    const comment = await seeded.db.comment.findFirstOrThrow({ where: { requestId: 1002, channel: "email", visibility: "public" }, select: { id: true } });
    const inbound = await incoming({ status: "appended", requestId: 1002, commentId: comment.id });
    const page = await getAgentRequestPage(seeded.db, await agent(), { requestId: 1002 });
    if (!page.ok) throw new Error("not found");
    expect(page.page.originalEmails).toEqual({ [comment.id]: inbound.id });
    const entry = page.page.request.thread.find((item) => item.kind === "comment" && item.id === comment.id);
    expect(entry).toMatchObject({ channel: "email" });
  });
});
