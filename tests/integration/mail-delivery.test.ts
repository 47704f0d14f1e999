import { randomUUID } from "node:crypto";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMailConfig } from "@/config/env";
import { MINUTE } from "@/domain";
import { deliverQueuedMail, smtpTransport, type MailTransport } from "@/server/mail/delivery";
import { receiveInboundMail } from "@/server/mail/inbound/receive";
import { enqueueMail } from "@/server/mail/outbox";
import { prepareSecondClient, prepareSeededDatabase } from "../setup/seeded-database";
import { startSmtpSink, type SmtpSink } from "../setup/smtp-sink";

// docs/email.md "Delivery": the outbox is sent by a real SMTP client to a real SMTP server; a server
// that is down is retried with a growing wait, a refusal for good gives up and marks the address, a
// bounce does the same, and two senders side by side send each mail once.

const NOW = new Date();
const seeded = prepareSeededDatabase(NOW);
const second = prepareSecondClient(seeded);
const config = { ...readMailConfig(), smtpUrl: "smtp://127.0.0.1:1" };
const envelopeFrom = `${config.from.local}@${config.from.domain}`;

let sink: SmtpSink;
let transport: MailTransport;
beforeAll(async () => {
  sink = await startSmtpSink();
  transport = smtpTransport(`${sink.url}?ignoreTLS=true`);
});
afterAll(async () => {
  transport?.close?.();
  await sink?.close();
});

async function queue(to: string, subject = `Hello ${randomUUID().slice(0, 8)}`) {
  return seeded.db.$transaction((tx) =>
    enqueueMail(
      tx,
      {
        kind: "agent_reply",
        requestId: 1001,
        recipient: { userId: null, address: to, name: "Alice", locale: "en" },
        content: { subject: `[#1001] ${subject}`, text: "Plain words", html: "<p>Plain words</p>" },
        replyTo: "support+1001.sabc@portico.test",
        inReplyTo: "first@portico.test",
        references: ["first@portico.test"],
        headers: { "List-Unsubscribe": "<https://portico.test/api/unsubscribe/x>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      },
      { now: NOW, config },
    ),
  );
}

const row = (id: string) => seeded.db.outboundMail.findUniqueOrThrow({ where: { id } });

describe("delivery", () => {
  it("sends a queued mail with its Message-ID, threading and unsubscribe headers, and marks it sent", async () => {
    const { id, messageId } = await queue("alice@acme.test");
    const result = await deliverQueuedMail(seeded.db, transport, { now: NOW, envelopeFrom });
    expect(result.sent).toBeGreaterThanOrEqual(1);
    const received = await sink.waitForMessage((message) => message.raw.includes(messageId));
    expect(received.recipients).toEqual(["alice@acme.test"]);
    expect(received.mailFrom).toBe(envelopeFrom);
    const parsed = await simpleParser(received.raw);
    expect(parsed.messageId).toBe(`<${messageId}>`);
    expect(parsed.inReplyTo).toBe("<first@portico.test>");
    expect(parsed.replyTo?.text).toBe("support+1001.sabc@portico.test");
    expect(received.raw.toString()).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(received.raw.toString()).toContain("List-Unsubscribe: <https://portico.test/api/unsubscribe/x>");
    expect(parsed.text?.trim()).toBe("Plain words");
    expect((await row(id)).status).toBe("sent");
  });

  it("retries a server that is down with a growing wait, then sends once it is back", async () => {
    const { id, messageId } = await queue("bob@acme.test");
    sink.goDown();
    try {
      await deliverQueuedMail(seeded.db, transport, { now: NOW, envelopeFrom });
      const first = await row(id);
      expect(first).toMatchObject({ status: "queued", attempts: 1 });
      expect(first.nextAttemptAt.getTime() - NOW.getTime()).toBe(MINUTE);
      // Not due yet: nothing is tried.
      await deliverQueuedMail(seeded.db, transport, { now: new Date(NOW.getTime() + 30_000), envelopeFrom });
      expect((await row(id)).attempts).toBe(1);
      await deliverQueuedMail(seeded.db, transport, { now: new Date(NOW.getTime() + MINUTE), envelopeFrom });
      const second = await row(id);
      expect(second).toMatchObject({ status: "queued", attempts: 2 });
      expect(second.nextAttemptAt.getTime() - (NOW.getTime() + MINUTE)).toBe(2 * MINUTE);
    } finally {
      sink.comeUp();
    }
    await deliverQueuedMail(seeded.db, transport, { now: new Date(NOW.getTime() + 3 * MINUTE), envelopeFrom });
    expect((await row(id)).status).toBe("sent");
    await sink.waitForMessage((message) => message.raw.includes(messageId));
  });

  it("gives up on a permanent refusal, marks the address undeliverable and sends it nothing more", async () => {
    sink.refuseRecipient("ghost@acme.test");
    const { id } = await queue("ghost@acme.test");
    await deliverQueuedMail(seeded.db, transport, { now: NOW, envelopeFrom });
    expect(await row(id)).toMatchObject({ status: "failed", attempts: 1 });
    const marked = await seeded.db.undeliverableAddress.findUnique({ where: { address: "ghost@acme.test" } });
    expect(marked?.mailId).toBe(id);
    const next = await queue("ghost@acme.test");
    expect((await row(next.id)).status).toBe("suppressed");
  });

  it("takes the address out when a bounce for a mail it sent comes back", async () => {
    const { id, messageId } = await queue("carol@acme.test");
    await deliverQueuedMail(seeded.db, transport, { now: NOW, envelopeFrom });
    expect((await row(id)).status).toBe("sent");
    const boundary = "bounce-boundary";
    const dsn = [
      "From: Mail Delivery System <MAILER-DAEMON@mx.acme.test>",
      "To: support@portico.test",
      "Subject: Undelivered Mail Returned to Sender",
      `Message-ID: <${randomUUID()}@mx.acme.test>`,
      "MIME-Version: 1.0",
      `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      "Content-Type: text/plain",
      "",
      "Your message could not be delivered.",
      `--${boundary}`,
      "Content-Type: message/delivery-status",
      "",
      "Reporting-MTA: dns; mx.acme.test",
      "",
      "Final-Recipient: rfc822; carol@acme.test",
      "Action: failed",
      "Status: 5.1.1",
      `--${boundary}`,
      "Content-Type: text/rfc822-headers",
      "",
      `Message-ID: <${messageId}>`,
      "Subject: [#1001] Hello",
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const received = await receiveInboundMail(seeded.db, Buffer.from(dsn), { transport: "smtp", mailFrom: null }, { now: NOW, config });
    expect(received.status).toBe("automatic");
    expect(await row(id)).toMatchObject({ status: "failed" });
    expect(await seeded.db.undeliverableAddress.findUnique({ where: { address: "carol@acme.test" } })).not.toBeNull();
    expect(await seeded.db.requestEvent.count({ where: { requestId: 1001, type: "auto_reply_received" } })).toBeGreaterThan(0);
  });

  it("sends each mail once when two senders run side by side", async () => {
    await seeded.db.undeliverableAddress.deleteMany({});
    const queued = await Promise.all(Array.from({ length: 12 }, (_, index) => queue("dave@acme.test", `Batch ${index} ${randomUUID().slice(0, 6)}`)));
    const later = new Date(NOW.getTime() + 10 * MINUTE);
    await Promise.all([
      deliverQueuedMail(seeded.db, transport, { now: later, envelopeFrom, batchSize: 5 }),
      deliverQueuedMail(second.db, transport, { now: later, envelopeFrom, batchSize: 5 }),
      deliverQueuedMail(seeded.db, transport, { now: later, envelopeFrom, batchSize: 5 }),
    ]);
    for (const { messageId } of queued) {
      expect(sink.messages.filter((message) => message.raw.includes(messageId))).toHaveLength(1);
    }
    const statuses = await seeded.db.outboundMail.findMany({ where: { id: { in: queued.map((mail) => mail.id) } }, select: { status: true } });
    expect(statuses.every((mail) => mail.status === "sent")).toBe(true);
  });
});
