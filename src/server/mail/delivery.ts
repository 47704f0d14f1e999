import "server-only";
import nodemailer from "nodemailer";
import { deliveryFailure, MINUTE, nextDeliveryAttempt } from "@/domain";
import type { Database } from "@/server/db/client";

// The delivery job: sends what the outbox holds (docs/email.md "Delivery"). Each mail is claimed with
// `FOR UPDATE SKIP LOCKED` and a lease, so instances running side by side never take the same one;
// a mail whose sender died mid-way is taken again once its lease has run out. Its attempt number is
// the fence: only the claim that made the attempt may record how it went.

export interface SendableMail {
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  messageId: string;
  inReplyTo: string | null;
  references: readonly string[];
  headers: Record<string, string>;
  text: string;
  html: string;
  /** The envelope sender (Return-Path): where bounces go. */
  envelopeFrom: string;
}

/** Sends one mail; throws with `responseCode` (an SMTP reply code) when the server refused it. */
export interface MailTransport {
  send(mail: SendableMail): Promise<void>;
  close?(): void;
}

export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly responseCode: number | undefined,
  ) {
    super(message);
  }
}

/** An SMTP transport for SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`). */
export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(mail) {
      try {
        await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          replyTo: mail.replyTo ?? undefined,
          subject: mail.subject,
          messageId: `<${mail.messageId}>`,
          inReplyTo: mail.inReplyTo ? `<${mail.inReplyTo}>` : undefined,
          references: mail.references.map((id) => `<${id}>`),
          headers: mail.headers,
          text: mail.text,
          html: mail.html,
          envelope: { from: mail.envelopeFrom, to: [mail.to] },
        });
      } catch (error) {
        const responseCode = (error as { responseCode?: unknown }).responseCode;
        throw new DeliveryError(error instanceof Error ? error.message : String(error), typeof responseCode === "number" ? responseCode : undefined);
      }
    },
    close: () => transporter.close(),
  };
}

export interface DeliveryOptions {
  now: Date;
  batchSize?: number;
  /** How long a claim lasts before another sender may take the mail again. */
  leaseMs?: number;
  envelopeFrom: string;
}

export interface DeliveryResult {
  sent: number;
  /** Failed for now, to be tried again. */
  retried: number;
  /** Given up: refused for good, or out of attempts. */
  failed: number;
  suppressed: number;
}

interface ClaimedMail {
  id: string;
  toAddress: string;
  fromHeader: string;
  replyTo: string | null;
  subject: string;
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  headers: unknown;
  text: string;
  html: string;
  attempts: number;
}

export async function deliverQueuedMail(db: Database, transport: MailTransport, options: DeliveryOptions): Promise<DeliveryResult> {
  const { now, batchSize = 20, leaseMs = 5 * MINUTE } = options;
  const result: DeliveryResult = { sent: 0, retried: 0, failed: 0, suppressed: 0 };
  const claimed = await db.$queryRaw<ClaimedMail[]>`
    UPDATE "OutboundMail" m SET status = 'sending', "lockedUntil" = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamp, attempts = m.attempts + 1
    WHERE m.id IN (
      SELECT id FROM "OutboundMail"
      WHERE (status = 'queued' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp)
         OR (status = 'sending' AND "lockedUntil" < ${now.toISOString()}::timestamp)
      ORDER BY "nextAttemptAt", id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m."toAddress", m."fromHeader", m."replyTo", m.subject, m."messageId", m."inReplyTo", m."references", m.headers, m.text, m.html, m.attempts`;

  for (const mail of claimed) {
    const fence = { id: mail.id, status: "sending" as const, attempts: mail.attempts };
    // An address marked undeliverable since the mail was written gets nothing more.
    if (await db.undeliverableAddress.findUnique({ where: { address: mail.toAddress }, select: { address: true } })) {
      await db.outboundMail.updateMany({ where: fence, data: { status: "suppressed", lockedUntil: null, lastError: "The address is marked undeliverable." } });
      result.suppressed++;
      continue;
    }
    try {
      await transport.send({
        from: mail.fromHeader,
        to: mail.toAddress,
        replyTo: mail.replyTo,
        subject: mail.subject,
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        headers: (mail.headers ?? {}) as Record<string, string>,
        text: mail.text,
        html: mail.html,
        envelopeFrom: options.envelopeFrom,
      });
      await db.outboundMail.updateMany({ where: fence, data: { status: "sent", sentAt: now, lockedUntil: null, lastError: null } });
      result.sent++;
    } catch (error) {
      const responseCode = error instanceof DeliveryError ? error.responseCode : undefined;
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
      const failure = deliveryFailure(responseCode);
      const next = nextDeliveryAttempt(mail.attempts, failure, now);
      if (next) {
        await db.outboundMail.updateMany({ where: fence, data: { status: "queued", nextAttemptAt: next, lockedUntil: null, lastError: message } });
        result.retried++;
        continue;
      }
      await db.$transaction(async (tx) => {
        const given = await tx.outboundMail.updateMany({ where: fence, data: { status: "failed", lockedUntil: null, lastError: message } });
        // A refusal for good marks the address: nothing more is sent to it until an agent clears it.
        if (given.count > 0 && failure === "permanent") await markUndeliverable(tx, mail.toAddress, message, mail.id, now);
      });
      result.failed++;
    }
  }
  return result;
}

type Writer = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** Marks an address undeliverable (a bounce or a permanent refusal); marking it again keeps the first reason. */
export async function markUndeliverable(tx: Writer | Database, address: string, reason: string, mailId: string | null, now: Date): Promise<void> {
  await tx.undeliverableAddress.upsert({
    where: { address: address.toLowerCase() },
    create: { address: address.toLowerCase(), reason: reason.slice(0, 1000), mailId, markedAt: now },
    update: {},
  });
}
