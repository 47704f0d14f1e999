import "server-only";
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from "mailparser";
import { automaticMail, type AutomaticMail } from "@/domain";
import { withoutIso2022Kr } from "./charset";
import { readFields } from "./mime";
import { FORWARD_SUBJECT, htmlToText, replyTextOf } from "./reply-text";

// Reads an inbound message into what threading and storage need (docs/email.md): who sent it and to
// which addresses, the Message-IDs it answers, its text (the new part and the whole), its files, and
// whether a robot sent it. Every transport hands its raw bytes here; nothing here touches the database.

export interface ParsedInbound {
  /** Without angle brackets, as sent. */
  messageId: string | null;
  /** Message-IDs without brackets. */
  inReplyTo: string[];
  /** In header order, without brackets. */
  references: string[];
  /** Decoded. */
  subject: string;
  /** Address lower-cased; the name decoded. */
  from: { address: string; name: string } | null;
  /** To, Cc, Delivered-To, X-Original-To and the envelope's recipients: lower-cased, unique, in that order. */
  recipients: string[];
  /** To and Cc addresses other than the sender's (support's own addresses are still among them). */
  ccAddresses: string[];
  date: Date | null;
  /** Only what the sender wrote: quotes, quote headers, signature and our notification below the separator removed. */
  replyText: string;
  /** The whole text body, or the HTML body as text. */
  fullText: string;
  attachments: { fileName: string; contentType: string; content: Buffer; inline: boolean }[];
  automatic: AutomaticMail | null;
  /** From a delivery report (multipart/report); for a bounce without one, only the original Message-ID when it can be found. */
  bounce: { recipients: { address: string; status: string; action: string }[]; originalMessageId: string | null } | null;
}

export interface InboundEnvelopeHint {
  /** MAIL FROM: "" for the null sender of bounces; null or absent when the transport has no envelope. */
  mailFrom?: string | null;
  recipients?: readonly string[];
}

export type ParseResult = { ok: true; mail: ParsedInbound } | { ok: false; reason: string };

/** Fields a message has; one at least must be there for bytes to be taken for mail. */
const MAIL_FIELDS = new Set(["from", "sender", "to", "cc", "subject", "date", "message-id", "received", "return-path", "delivered-to", "mime-version", "content-type"]);

/** Parts of a delivery report that are the report, not files the sender attached. */
const REPORT_TYPES = new Set(["message/delivery-status", "message/global-delivery-status", "text/rfc822-headers", "message/global-headers"]);
const RETURNED_MESSAGE_TYPES = new Set(["message/rfc822", "message/global", "text/rfc822-headers", "message/global-headers"]);

/** Reads a raw message. Never throws: anything that is not a readable mail is `{ ok: false, reason }`. */
export async function parseInboundMail(raw: Buffer, envelope: InboundEnvelopeHint = {}): Promise<ParseResult> {
  try {
    const unreadable = whyNotMail(raw);
    if (unreadable) return { ok: false, reason: unreadable };
    const parsed = await simpleParser(withoutIso2022Kr(raw), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      skipImageLinks: true,
      keepDeliveryStatus: true,
      keepCidLinks: true,
    });
    return { ok: true, mail: readParsed(parsed, envelope) };
  } catch (error) {
    return { ok: false, reason: `The message could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Why the bytes are not a mail message, or null when they look like one. */
function whyNotMail(raw: Buffer): string | null {
  const head = raw.subarray(0, 256 * 1024).toString("latin1");
  if (head.trim() === "") return "The message is empty.";
  const end = head.search(/\r?\n\r?\n/);
  const header = (end < 0 ? head : head.slice(0, end)).replace(/^From [^\r\n]*\r?\n/, ""); // a mailbox file's separator line
  if (header.includes("\0")) return "The message is binary data, not mail: its header section holds NUL bytes.";
  const headerLines = header.split(/\r?\n/);
  if (!/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(headerLines[0] ?? "")) return "The message does not begin with header fields (such as From: or Subject:).";
  const malformed = headerLines.filter((line) => line !== "" && !/^[ \t]/.test(line) && !/^[\x21-\x39\x3b-\x7e]+[ \t]*:/.test(line)).length;
  if (malformed * 2 > headerLines.length) return "The message's header section is mostly not header fields.";
  const names = new Set(readFields(header).map((field) => field.name));
  if (![...names].some((name) => MAIL_FIELDS.has(name))) return "The message has none of the header fields of mail (From, To, Subject, Date, Message-ID…).";
  return null;
}

function readParsed(parsed: ParsedMail, envelope: InboundEnvelopeHint): ParsedInbound {
  const from = senderOf(parsed);
  const to = addressesOf(parsed.to);
  const cc = addressesOf(parsed.cc);
  const recipients = unique([
    ...to,
    ...cc,
    ...headerValues(parsed, "delivered-to").flatMap(addressesIn),
    ...headerValues(parsed, "x-original-to").flatMap(addressesIn),
    ...(envelope.recipients ?? []).flatMap(addressesIn),
  ]);
  const subject = parsed.subject ?? "";

  const contentType = structured(parsed.headers.get("content-type"));
  const returnPath = typeof envelope.mailFrom === "string" ? envelope.mailFrom : headerValues(parsed, "return-path")[0];
  const automatic = automaticMail({
    autoSubmitted: headerValues(parsed, "auto-submitted")[0],
    xAutoreply: headerValues(parsed, "x-autoreply")[0],
    xAutorespond: headerValues(parsed, "x-autorespond")[0],
    precedence: headerValues(parsed, "precedence")[0],
    contentType: contentType?.value,
    reportType: contentType?.params["report-type"],
    returnPath,
    from: from?.address,
    subject,
  });
  const isReport = contentType?.value.toLowerCase() === "multipart/report";
  const isBounce = automatic?.kind === "bounce";

  const fullText = textOf(parsed);
  return {
    messageId: messageIdsIn(headerValues(parsed, "message-id")[0] ?? "")[0] ?? null,
    inReplyTo: headerValues(parsed, "in-reply-to").flatMap(messageIdsIn),
    references: headerValues(parsed, "references").flatMap(messageIdsIn),
    subject,
    from,
    recipients,
    ccAddresses: unique([...to, ...cc]).filter((address) => address !== from?.address),
    date: parsed.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null,
    replyText: fullText.trim() ? replyTextOf(fullText, { forwarded: FORWARD_SUBJECT.test(subject) }) : "",
    fullText,
    attachments: parsed.attachments
      .filter((attachment) => !REPORT_TYPES.has(attachment.contentType.toLowerCase()))
      .filter((attachment) => !((isReport || isBounce) && RETURNED_MESSAGE_TYPES.has(attachment.contentType.toLowerCase())))
      .map((attachment, index) => ({
        fileName: fileNameOf(attachment, index),
        contentType: attachment.contentType.toLowerCase(),
        content: attachment.content,
        inline: attachment.contentDisposition === "inline" || attachment.related === true,
      })),
    automatic,
    bounce: isReport || isBounce ? bounceOf(parsed, fullText, isReport) : null,
  };
}

/** The text body; for a mail with only HTML (or an empty text part), the HTML as text. */
function textOf(parsed: ParsedMail): string {
  const text = (parsed.text ?? "").replace(/\r\n?/g, "\n");
  if (text.trim() || !parsed.html) return text;
  return htmlToText(parsed.html).replace(/\r\n?/g, "\n");
}

/** A header's every occurrence, unfolded, undecoded (for fields the parser turns into objects or keeps only once). */
function headerValues(parsed: ParsedMail, name: string): string[] {
  return parsed.headerLines
    .filter((line) => line.key === name)
    .map((line) => line.line.slice(line.line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim());
}

function structured(value: unknown): { value: string; params: Record<string, string> } | null {
  if (value && typeof value === "object" && "value" in value && typeof value.value === "string") {
    const params = "params" in value && value.params && typeof value.params === "object" ? (value.params as Record<string, string>) : {};
    return { value: value.value, params };
  }
  return typeof value === "string" ? { value, params: {} } : null;
}

/** `<a@b> <c@d>` → ["a@b", "c@d"]; a bare id without brackets, as some programs write, is taken too. */
function messageIdsIn(value: string): string[] {
  const bracketed = [...value.matchAll(/<([^<>]*)>/g)].map((match) => (match[1] ?? "").trim()).filter(Boolean);
  const ids = bracketed.length > 0 ? bracketed : value.split(/[\s,]+/).filter((token) => token.includes("@"));
  return ids.slice(0, 200);
}

function flatten(addresses: AddressObject["value"]): Array<{ address: string; name: string }> {
  return addresses.flatMap((entry) => [
    ...(entry.address ? [{ address: entry.address.trim().toLowerCase(), name: entry.name ?? "" }] : []),
    ...(entry.group ? flatten(entry.group) : []),
  ]);
}

function addressesOf(header: AddressObject | AddressObject[] | undefined): string[] {
  if (!header) return [];
  return (Array.isArray(header) ? header : [header])
    .flatMap((object) => flatten(object.value))
    .map((entry) => entry.address)
    .filter((address) => address.includes("@"));
}

/** Addresses in a header the parser does not read as addresses (Delivered-To), or an envelope recipient. */
function addressesIn(value: string): string[] {
  return [...value.matchAll(/[^\s<>,;:"()[\]]+@[^\s<>,;:"()[\]]+/g)].map((match) => match[0].toLowerCase());
}

function senderOf(parsed: ParsedMail): { address: string; name: string } | null {
  const sender = parsed.headers.get("sender");
  const candidates = [...(parsed.from ? flatten(parsed.from.value) : []), ...(isAddressObject(sender) ? flatten(sender.value) : [])];
  const first = candidates.find((candidate) => candidate.address.includes("@"));
  return first ? { address: first.address, name: first.name.trim() } : null;
}

function isAddressObject(value: unknown): value is AddressObject {
  return !!value && typeof value === "object" && "value" in value && Array.isArray(value.value);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

const EXTENSIONS: Record<string, string> = {
  "text/plain": ".txt",
  "text/html": ".html",
  "text/calendar": ".ics",
  "application/pdf": ".pdf",
  "image/png": ".png",
  "image/jpeg": ".jpg",
  "image/gif": ".gif",
  "message/rfc822": ".eml",
};

/** The name the sender gave (its last path segment, without control characters), or one made from the type. */
function fileNameOf(attachment: Attachment, index: number): string {
  const given = (attachment.filename ?? "")
    .replace(/[\x00-\x1f\x7f]/g, "")
    .split(/[\\/]/)
    .pop()
    ?.trim();
  return given || `attachment-${index + 1}${EXTENSIONS[attachment.contentType.toLowerCase()] ?? ""}`;
}

/** A delivery report's recipients, and the Message-ID of the mail that came back. */
function bounceOf(parsed: ParsedMail, fullText: string, isReport: boolean): NonNullable<ParsedInbound["bounce"]> {
  const recipients: NonNullable<ParsedInbound["bounce"]>["recipients"] = [];
  let originalMessageId: string | null = null;
  for (const attachment of parsed.attachments) {
    const type = attachment.contentType.toLowerCase();
    if (isReport && (type === "message/delivery-status" || type === "message/global-delivery-status")) {
      recipients.push(...deliveryStatusRecipients(attachment.content.toString("utf8")));
    } else if (RETURNED_MESSAGE_TYPES.has(type) && originalMessageId === null) {
      const content = attachment.content.toString("latin1");
      const end = content.search(/\r?\n\r?\n/);
      const id = readFields(end < 0 ? content : content.slice(0, end)).find((field) => field.name === "message-id")?.value;
      originalMessageId = id ? (messageIdsIn(id)[0] ?? null) : null;
    }
  }
  // A bounce without a report often quotes the returned headers in its text.
  if (originalMessageId === null) {
    const quoted = /^[ \t>]*Message-ID:[ \t]*(<[^<>\r\n]+>)/im.exec(fullText);
    originalMessageId = quoted ? (messageIdsIn(quoted[1] ?? "")[0] ?? null) : null;
  }
  return { recipients, originalMessageId };
}

/** The per-recipient blocks of a message/delivery-status (RFC 3464 §2.3). */
function deliveryStatusRecipients(report: string): { address: string; status: string; action: string }[] {
  return report
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((block) => readFields(block))
    .flatMap((fields) => {
      const value = (name: string) => fields.find((field) => field.name === name)?.value;
      const recipient = value("original-recipient") ?? value("final-recipient");
      if (!recipient) return [];
      const address = (recipient.includes(";") ? recipient.slice(recipient.indexOf(";") + 1) : recipient).trim().replace(/^<|>$/g, "").toLowerCase();
      if (!address) return [];
      return [{ address, status: (value("status") ?? "").split(/\s/)[0] ?? "", action: (value("action") ?? "").trim().toLowerCase() }];
    });
}
