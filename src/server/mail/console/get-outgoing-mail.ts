import "server-only";
import { readMailConfig } from "@/config/env";
import type { MailKind } from "@/domain";
import type { Locale } from "@/i18n/locales";
import { mailRefSchema, type OutgoingMailStatus } from "@/schemas/agent-mail";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseMailConsole } from "./access";
import { extraHeadersSchema, isRetryable, undeliverableAmong } from "./list-outgoing-mail";

// One outgoing mail as it is (or would be) sent: every header, the text part and the HTML part.

export interface OutgoingMailDetail {
  id: string;
  kind: MailKind;
  status: OutgoingMailStatus;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
  attempts: number;
  lastError: string | null;
  requestId: number | null;
  locale: Locale;
  /** The headers in the order they are written: From, To, Reply-To, Subject, Message-ID, threading, then the further ones. */
  headers: Array<{ name: string; value: string }>;
  text: string;
  html: string;
  /** Its address is marked undeliverable: it goes again only once an agent clears the address. */
  undeliverable: boolean;
  retryable: boolean;
  outgoingServer: boolean;
}

const angle = (id: string) => `<${id}>`;

export const getOutgoingMail = defineUseCase({
  input: mailRefSchema,
  identifies: ["mailId"],
  run: async (db: Database, viewer: Reader, { mailId }): Promise<Outcome<{ mail: OutgoingMailDetail }>> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    const row = await db.outboundMail.findUnique({ where: { id: mailId } });
    if (!row) return notFound();
    const undeliverable = (await undeliverableAmong(db, [row.toAddress])).has(row.toAddress);
    const headers: OutgoingMailDetail["headers"] = [
      { name: "From", value: row.fromHeader },
      { name: "To", value: row.toAddress },
      ...(row.replyTo ? [{ name: "Reply-To", value: row.replyTo }] : []),
      { name: "Subject", value: row.subject },
      { name: "Message-ID", value: angle(row.messageId) },
      ...(row.inReplyTo ? [{ name: "In-Reply-To", value: angle(row.inReplyTo) }] : []),
      ...(row.references.length > 0 ? [{ name: "References", value: row.references.map(angle).join(" ") }] : []),
      ...Object.entries(extraHeadersSchema.parse(row.headers)).map(([name, value]) => ({ name, value })),
    ];
    return {
      ok: true,
      mail: {
        id: row.id,
        kind: row.kind,
        status: row.status,
        createdAt: row.createdAt,
        sentAt: row.sentAt,
        nextAttemptAt: row.nextAttemptAt,
        attempts: row.attempts,
        lastError: row.lastError,
        requestId: row.requestId,
        locale: row.locale,
        headers,
        text: row.text,
        html: row.html,
        undeliverable,
        retryable: isRetryable(row.status, undeliverable),
        outgoingServer: readMailConfig().smtpUrl !== undefined,
      },
    };
  },
});
