import "server-only";
import { simpleParser, type AddressObject } from "mailparser";
import { mailRefSchema, type IncomingMailStatus } from "@/schemas/agent-mail";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseMailConsole } from "./access";
import { isActionable } from "./list-incoming-mail";

// One incoming mail as it came: its headers, read from the stored message itself, and its source —
// shown up to RAW_SHOWN_BYTES (escaped, as text), the whole of it downloadable as an .eml file.

/** How much of the source the page shows; the download has it all. */
export const RAW_SHOWN_BYTES = 200 * 1024;
/** Headers beyond this are not read for the page (a message's header section is a few kilobytes). */
const HEADER_READ_BYTES = 256 * 1024;

export interface IncomingMailDetail {
  id: string;
  receivedAt: Date;
  transport: string;
  byteSize: number;
  status: IncomingMailStatus;
  reason: string | null;
  detail: string | null;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  requestId: number | null;
  commentId: string | null;
  handledAt: Date | null;
  handledBy: string | null;
  /** From, To, Cc, Subject, Date, Message-ID as the message has them; those it lacks are left out. */
  headers: Array<{ name: string; value: string }>;
  /** The start of the source, decoded as UTF-8 (anything else shows as replacement characters). */
  source: string;
  sourceTruncated: boolean;
  actionable: boolean;
}

/** The header section: everything before the first empty line. */
function headerSection(raw: Uint8Array): Buffer {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.byteLength, HEADER_READ_BYTES));
  const crlf = bytes.indexOf("\r\n\r\n");
  const lf = bytes.indexOf("\n\n");
  const ends = [crlf, lf].filter((at) => at >= 0);
  return ends.length > 0 ? bytes.subarray(0, Math.min(...ends)) : bytes;
}

const addresses = (value: AddressObject | AddressObject[] | undefined) => (value === undefined ? undefined : (Array.isArray(value) ? value : [value]).map((one) => one.text).join(", "));

/** The headers the page shows, decoded (encoded words, folded lines); a message too broken to read shows none. */
export async function readHeaders(raw: Uint8Array): Promise<IncomingMailDetail["headers"]> {
  try {
    // Only the header section is parsed: the body and its attachments are never decoded for this.
    const parsed = await simpleParser(Buffer.concat([headerSection(raw), Buffer.from("\r\n\r\n")]), { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
    const shown: Array<[string, string | undefined]> = [
      ["From", addresses(parsed.from)],
      ["To", addresses(parsed.to)],
      ["Cc", addresses(parsed.cc)],
      ["Subject", parsed.subject],
      // As the sender wrote it (with its time zone), not as parsed.
      ["Date", parsed.headerLines.find((line) => line.key === "date")?.line.replace(/^date:\s*/i, "").replace(/\s+/g, " ")],
      ["Message-ID", parsed.messageId],
    ];
    return shown.flatMap(([name, value]) => (value ? [{ name, value }] : []));
  } catch {
    return [];
  }
}

export const getIncomingMail = defineUseCase({
  input: mailRefSchema,
  identifies: ["mailId"],
  run: async (db: Database, viewer: Reader, { mailId }): Promise<Outcome<{ mail: IncomingMailDetail }>> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    const row = await db.inboundMail.findUnique({ where: { id: mailId }, include: { handledBy: { select: { name: true } } } });
    if (!row) return notFound();
    const raw = row.raw;
    const shown = raw.subarray(0, RAW_SHOWN_BYTES);
    return {
      ok: true,
      mail: {
        id: row.id,
        receivedAt: row.receivedAt,
        transport: row.transport,
        byteSize: row.byteSize,
        status: row.status,
        reason: row.reason,
        detail: row.detail,
        fromAddress: row.fromAddress,
        fromName: row.fromName,
        subject: row.subject,
        requestId: row.requestId,
        commentId: row.commentId,
        handledAt: row.handledAt,
        handledBy: row.handledBy?.name ?? null,
        headers: await readHeaders(raw),
        source: new TextDecoder("utf-8").decode(shown),
        sourceTruncated: raw.byteLength > RAW_SHOWN_BYTES,
        actionable: isActionable(row.status),
      },
    };
  },
});

/** The stored message, byte for byte, for the download. */
export const getIncomingRaw = defineUseCase({
  input: mailRefSchema,
  identifies: ["mailId"],
  run: async (db: Database, viewer: Reader, { mailId }): Promise<Outcome<{ raw: Uint8Array<ArrayBuffer> }>> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    const row = await db.inboundMail.findUnique({ where: { id: mailId }, select: { raw: true } });
    return row ? { ok: true, raw: row.raw } : notFound();
  },
});
