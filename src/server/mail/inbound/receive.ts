import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { readAttachmentConfig, type MailConfig } from "@/config/env";
import { canBeCcd, decideThread, MINUTE, replyRoute, SENDER_RATE_LIMIT, subjectRequestId, type InboundHoldReason } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { MAX_DESCRIPTION_LENGTH, MAX_SUBJECT_LENGTH } from "@/schemas/new-request";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { withoutControlCharacters } from "@/schemas/text";
import { getAttachmentStore, getScanner } from "@/server/attachments";
import { stageUpload, UploadRefused } from "@/server/attachments/pipeline";
import { scanAttachment } from "@/server/attachments/scan";
import type { Database } from "@/server/db/client";
import { markUndeliverable } from "@/server/mail/delivery";
import { readReplyAddress } from "@/server/mail/signing";
import { invalid, notFound, type Outcome } from "@/server/outcome";
import { findMailSender } from "@/server/entry/mail-sender";
import type { SignedInViewer, Viewer } from "@/server/people/viewer";
import { changeRequest, type Transaction } from "@/server/requests/change-request";
import { openNewRequest } from "@/server/requests/create-request";
import { findRequestFor } from "@/server/requests/request-gate";
import { parseInboundMail, type ParsedInbound } from "./parse";

// The one use case every inbound transport feeds (SMTP receiver, IMAP reader, webhook), with the
// raw message (docs/email.md). The raw mail is stored first — the same Message-ID twice is stored
// once, whichever transport brought it — then read, and then exactly one of: a reply appended to the
// request it threads to, or to the one that request was merged into (by the domain's reopen rule,
// channel email), a new request for a known
// customer, a robot's mail recorded, or the mail held for an agent. Each outcome is written in one
// transaction that also moves the stored mail out of "received", so two instances handling the same
// mail act once, and a mail left "received" by a crash is handled again (`handleReceivedMail`).

export type InboundTransportName = "smtp" | "imap" | "webhook";

export interface InboundEnvelope {
  transport: InboundTransportName;
  /** The SMTP envelope, when the transport has one: MAIL FROM (empty for bounces) and RCPT TO. */
  mailFrom?: string | null;
  recipients?: readonly string[];
}

type HandledStatus = "appended" | "created" | "held" | "automatic" | "unparseable" | "received" | "discarded";

export interface ReceivedMail {
  id: string;
  status: HandledStatus;
  /** The same Message-ID was received before: nothing new was written. */
  duplicate: boolean;
  requestId: number | null;
}

export interface ReceiveOptions {
  now: Date;
  config: MailConfig;
}

// The limit is a rule, kept in the domain; the mail-flow test reads it from here.
export { SENDER_RATE_LIMIT };

/** The stored mail being handled: its row, and the Message-ID it is stored under (what a reply added from it refers to). */
interface StoredMail {
  id: string;
  messageId: string;
}

const MAX_MESSAGE_ID_LENGTH = 250;

export async function receiveInboundMail(db: Database, raw: Buffer, envelope: InboundEnvelope, options: ReceiveOptions): Promise<ReceivedMail> {
  const parsed = await parseInboundMail(raw, envelope);
  const messageId = storedMessageId(parsed.ok ? parsed.mail.messageId : null, raw);
  const mail = parsed.ok ? parsed.mail : null;
  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "InboundMail" (id, "messageId", transport, raw, "byteSize", "fromAddress", "fromName", subject, status, "receivedAt")
    VALUES (${newId()}, ${messageId}, ${envelope.transport}::"InboundTransport", ${raw}, ${raw.length},
            ${mail?.from?.address.slice(0, 320) ?? null}, ${mail?.from?.name.slice(0, 200) ?? null}, ${mail?.subject.slice(0, 500) ?? null},
            'received', ${options.now.toISOString()}::timestamp)
    ON CONFLICT ("messageId") DO NOTHING
    RETURNING id`;
  const id = inserted[0]?.id;
  if (!id) {
    const existing = await db.inboundMail.findUniqueOrThrow({ where: { messageId }, select: { id: true, status: true, requestId: true } });
    return { id: existing.id, status: existing.status, requestId: existing.requestId, duplicate: true };
  }
  if (!parsed.ok) {
    await settle(db, id, { status: "unparseable", reason: "unparseable", detail: parsed.reason.slice(0, 1000), handledAt: options.now });
    return { id, status: "unparseable", duplicate: false, requestId: null };
  }
  return { ...(await handle(db, { id, messageId }, parsed.mail, options)), id, duplicate: false };
}

/** Mail stored but never handled (the process stopped in between): handled now, oldest first. */
export async function handleReceivedMail(db: Database, options: ReceiveOptions & { olderThanMs?: number; batchSize?: number }): Promise<number> {
  const before = new Date(options.now.getTime() - (options.olderThanMs ?? 5 * MINUTE));
  const waiting = await db.inboundMail.findMany({
    where: { status: "received", receivedAt: { lt: before } },
    orderBy: { receivedAt: "asc" },
    take: options.batchSize ?? 20,
    select: { id: true, messageId: true, raw: true },
  });
  for (const stored of waiting) {
    const parsed = await parseInboundMail(Buffer.from(stored.raw));
    if (parsed.ok) await handle(db, stored, parsed.mail, options);
    else await settle(db, stored.id, { status: "unparseable", reason: "unparseable", detail: parsed.reason.slice(0, 1000), handledAt: options.now });
  }
  return waiting.length;
}

function newId(): string {
  return `m${createHash("sha256").update(`${process.hrtime.bigint()}:${Math.random()}`).digest("hex").slice(0, 24)}`;
}

/** The sender's Message-ID, or one made from the content for mail without one (the same bytes twice are one mail). */
function storedMessageId(messageId: string | null, raw: Buffer): string {
  const cleaned = messageId?.trim().replace(/^<|>$/g, "");
  if (cleaned && cleaned.length <= MAX_MESSAGE_ID_LENGTH) return cleaned;
  return `${createHash("sha256").update(raw).digest("hex")}@unidentified.invalid`;
}

type Settlement = Omit<Prisma.InboundMailUncheckedUpdateManyInput, "status"> & { status: Exclude<HandledStatus, "received"> };

/** Moves the stored mail out of "received"; false when another handler did first. */
async function settle(tx: Transaction | Database, id: string, data: Settlement): Promise<boolean> {
  const { count } = await tx.inboundMail.updateMany({ where: { id, status: "received" }, data });
  return count === 1;
}

/** Thrown inside a transaction when the mail was handled meanwhile: undo, and answer what the other did. */
class AlreadyHandled extends Error {}

async function outcomeOf(db: Database, id: string): Promise<Omit<ReceivedMail, "id" | "duplicate">> {
  const row = await db.inboundMail.findUniqueOrThrow({ where: { id }, select: { status: true, requestId: true } });
  return { status: row.status, requestId: row.requestId };
}

async function handle(db: Database, stored: StoredMail, mail: ParsedInbound, options: ReceiveOptions): Promise<Omit<ReceivedMail, "id" | "duplicate">> {
  try {
    return await decideAndAct(db, stored, mail, options);
  } catch (error) {
    if (error instanceof AlreadyHandled) return outcomeOf(db, stored.id);
    throw error;
  }
}

async function decideAndAct(db: Database, stored: StoredMail, mail: ParsedInbound, options: ReceiveOptions): Promise<Omit<ReceivedMail, "id" | "duplicate">> {
  const { id } = stored;
  const { now, config } = options;
  const address = mail.from?.address ?? null;
  const sender = await findMailSender(db, address, now);
  const hold = async (reason: InboundHoldReason, requestId: number | null, detail?: string) => {
    await settle(db, id, { status: "held", reason, detail: detail ?? null, requestId, senderId: sender?.person.id ?? null });
    return { status: "held" as const, requestId };
  };

  const tokens = mail.recipients.map((recipient) => readReplyAddress(config.tokenKeys, config.from, recipient)).filter((token) => token !== null);
  const referencedRequestIds = await requestsReferenced(db, [...mail.inReplyTo, ...[...mail.references].reverse()], id);

  if (mail.automatic) return recordAutomatic(db, id, mail, { tokens, referencedRequestIds, senderId: sender?.person.id ?? null, now });

  const recent = address
    ? await db.inboundMail.count({ where: { fromAddress: address, receivedAt: { gte: new Date(now.getTime() - SENDER_RATE_LIMIT.windowMs) }, id: { not: id } } })
    : 0;
  if (recent >= SENDER_RATE_LIMIT.mails) return hold("rate_limited", null);

  const markers = { tokens, referencedRequestIds, subjectRequestId: subjectRequestId(mail.subject) };
  const candidates = [...new Set([...tokens.map((token) => token.requestId), ...referencedRequestIds, markers.subjectRequestId])].filter((value): value is number => value !== null);
  const mayReplyTo = new Set<number>();
  if (sender) {
    for (const requestId of candidates) {
      const opened = await findRequestFor(db, sender, requestId, { select: { id: true } });
      if (opened.ok && replyRoute(sender.actor, opened.access, now) === "thread") mayReplyTo.add(requestId);
    }
  }
  const decision = decideThread(markers, { known: sender !== null, isAgent: sender?.actor.isAgent ?? false, mayReply: (requestId) => mayReplyTo.has(requestId) });

  switch (decision.action) {
    case "hold":
      return hold(decision.reason, decision.requestId);
    case "append":
      return appendReply(db, stored, mail, sender as SignedInViewer, decision.requestId, options, hold);
    case "new_request":
      return openRequestByMail(db, id, mail, sender as SignedInViewer, options, {}, hold);
  }
}

/** Requests whose mail (sent by Portico or received by it) the given Message-IDs name, in that order. */
async function requestsReferenced(db: Database, messageIds: readonly string[], selfId: string): Promise<number[]> {
  const ids = [...new Set(messageIds.map((messageId) => messageId.trim().replace(/^<|>$/g, "")).filter(Boolean))].slice(0, 50);
  if (ids.length === 0) return [];
  const [sent, received] = await Promise.all([
    db.outboundMail.findMany({ where: { messageId: { in: ids }, requestId: { not: null } }, select: { messageId: true, requestId: true } }),
    db.inboundMail.findMany({ where: { messageId: { in: ids }, requestId: { not: null }, id: { not: selfId } }, select: { messageId: true, requestId: true } }),
  ]);
  const byMessage = new Map([...sent, ...received].map((row) => [row.messageId, row.requestId as number]));
  return [...new Set(ids.map((messageId) => byMessage.get(messageId)).filter((requestId): requestId is number => requestId !== undefined))];
}

/**
 * A robot's mail: a bounce marks the addresses it reports as undeliverable and fails the mail it
 * returns; an auto-reply is only noted. Either is recorded on the request it belongs to — found only
 * by markers Portico made (a valid reply address, its own Message-IDs) — and nothing else happens:
 * no reopen, no acknowledgement.
 */
async function recordAutomatic(
  db: Database,
  id: string,
  mail: ParsedInbound,
  context: { tokens: ReadonlyArray<{ valid: boolean; requestId: number | null }>; referencedRequestIds: readonly number[]; senderId: string | null; now: Date },
): Promise<Omit<ReceivedMail, "id" | "duplicate">> {
  const automatic = mail.automatic!;
  const { now } = context;
  return db.$transaction(async (tx) => {
    let requestId = context.tokens.find((token) => token.valid)?.requestId ?? context.referencedRequestIds[0] ?? null;
    if (automatic.kind === "bounce" && mail.bounce) {
      const original = mail.bounce.originalMessageId
        ? await tx.outboundMail.findUnique({ where: { messageId: mail.bounce.originalMessageId.replace(/^<|>$/g, "") }, select: { id: true, requestId: true } })
        : null;
      for (const recipient of mail.bounce.recipients) {
        if (recipient.action.toLowerCase() !== "failed" && !recipient.status.startsWith("5")) continue;
        await markUndeliverable(tx, recipient.address, `Bounced: ${recipient.status} ${recipient.action}`.trim(), original?.id ?? null, now);
      }
      if (original) {
        await tx.outboundMail.update({ where: { id: original.id }, data: { status: "failed", lastError: `Bounced: ${mail.bounce.recipients.map((r) => `${r.address} ${r.status}`).join(", ")}`.slice(0, 1000) } });
        requestId = original.requestId ?? requestId;
      }
    }
    if (!(await settle(tx, id, { status: "automatic", reason: automatic.kind, detail: automatic.reason, requestId, senderId: context.senderId, handledAt: now }))) throw new AlreadyHandled();
    if (requestId !== null && (await tx.request.findUnique({ where: { id: requestId }, select: { id: true } }))) {
      await tx.requestEvent.create({
        data: { requestId, actorId: null, type: "auto_reply_received", data: { kind: automatic.kind, reason: automatic.reason, from: mail.from?.address ?? "", inboundMailId: id }, createdAt: now },
      });
    }
    return { status: "automatic" as const, requestId };
  });
}

type Hold = (reason: InboundHoldReason, requestId: number | null, detail?: string) => Promise<{ status: "held"; requestId: number | null }>;

/** The sender's words (quotes and signature cut), within the length a reply may have; the full mail stays stored. */
function replyBody(text: string, refusedFiles: readonly string[], limit: number): string {
  let body = String(withoutControlCharacters(text)).trim();
  if (body.length > limit - 200) body = `${body.slice(0, limit - 200)}\n\n[…]`;
  if (refusedFiles.length > 0) body += `\n\n(${refusedFiles.length} attached file(s) not added: ${refusedFiles.join(", ").slice(0, 150)})`;
  return body || "(no text)";
}

async function appendReply(
  db: Database,
  { id, messageId }: StoredMail,
  mail: ParsedInbound,
  sender: SignedInViewer,
  requestId: number,
  options: ReceiveOptions,
  hold: Hold,
): Promise<Omit<ReceivedMail, "id" | "duplicate">> {
  const { now } = options;
  const files = await stageFiles(db, sender, mail);
  let continuesOn = await conversationOf(db, sender, requestId, now);
  if (continuesOn === null) return hold("sender_may_not_reply", requestId);
  let changed = await appendTo(continuesOn);
  // Merged since it was looked at: the reply follows to where the conversation went.
  if (!changed.ok && changed.reason === "refused" && changed.refusal.code === "merged_request_is_closed") {
    continuesOn = await conversationOf(db, sender, requestId, now);
    if (continuesOn === null) return hold("sender_may_not_reply", requestId);
    changed = await appendTo(continuesOn);
  }
  if (changed.ok) return { status: "appended", requestId: continuesOn };
  // The rules refused the reply now (the request changed since the mail was threaded): an agent decides.
  return hold("refused", continuesOn, changed.reason === "refused" ? changed.refusal.code : changed.reason);

  function appendTo(requestId: number) {
    return changeRequest(db, {
      requestId,
      viewer: sender,
      may: [],
      makeCommand: (_state, _tx, { access }) =>
        replyRoute(sender.actor, access, now) === "thread" ? { type: "customer_reply", at: now, authorId: sender.actor.userId, channel: "email" } : notFound(),
      comment: { body: replyBody(mail.replyText || mail.fullText, files.refused, MAX_REPLY_LENGTH), visibility: "public", attachmentIds: files.ids },
      extraWrites: async (tx, { commentId }) => {
        if (!(await settle(tx, id, { status: "appended", requestId, commentId, senderId: sender.person.id, handledAt: now }))) throw new AlreadyHandled();
        if (commentId) await tx.comment.updateMany({ where: { id: commentId }, data: { emailMessageId: messageId } });
      },
    });
  }
}

/**
 * Where a reply to a request's thread goes (docs/product.md §4.3): the request itself, or — a merged
 * request taking no more messages — the request it was merged into, when the sender may reply there
 * (a requester or CC of a merged request takes part in its target). Null: nowhere they may reply.
 */
async function conversationOf(db: Database, sender: SignedInViewer, requestId: number, now: Date): Promise<number | null> {
  const request = await db.request.findUnique({ where: { id: requestId }, select: { mergedIntoId: true } });
  const targetId = request?.mergedIntoId ?? null;
  if (targetId === null) return requestId;
  const opened = await findRequestFor(db, sender, targetId, { select: { id: true } });
  return opened.ok && replyRoute(sender.actor, opened.access, now) === "thread" ? targetId : null;
}

/** A new request from a mail, for a customer: the sender, or the one an agent chose for a held mail. */
async function openRequestByMail(
  db: Database,
  id: string,
  mail: ParsedInbound,
  requester: SignedInViewer,
  options: ReceiveOptions,
  handledBy: { agentId?: string },
  hold: Hold,
): Promise<Omit<ReceivedMail, "id" | "duplicate"> & { outcome?: Outcome<{ id: number }> }> {
  const { now } = options;
  const organizationId = requester.actor.memberships[0]?.organizationId;
  if (!organizationId) return hold("sender_may_not_reply", null, "no_organization");
  const access = { organizationId, requesterId: requester.actor.userId, ccUserIds: [] };
  // Colleagues the sender wrote to as well become CCs, when the rules let them be.
  const colleagues = await db.user.findMany({
    where: { email: { in: mail.ccAddresses.slice(0, 50) }, disabledAt: null, isAgent: false },
    select: { id: true, memberships: { select: { organizationId: true, isTechnicalContact: true, isAdmin: true } } },
  });
  const ccUserIds = colleagues.filter((user) => canBeCcd({ userId: user.id, memberships: user.memberships }, access)).map((user) => user.id).slice(0, 20);
  const files = await stageFiles(db, requester, mail);
  const subject = String(withoutControlCharacters(mail.subject)).replace(/\s+/g, " ").trim().slice(0, MAX_SUBJECT_LENGTH) || "(no subject)";
  const outcome = await openNewRequest(
    db,
    requester,
    {
      organizationId,
      subject,
      description: replyBody(mail.fullText || mail.replyText, files.refused, MAX_DESCRIPTION_LENGTH),
      priority: "S3",
      ccUserIds,
      attachmentIds: files.ids,
      submissionKey: submissionKeyFor(id),
    },
    async (tx, requestId) => {
      const settled = await settle(tx, id, { status: "created", requestId, senderId: requester.person.id, handledAt: now, handledById: handledBy.agentId ?? null });
      if (!settled) throw new AlreadyHandled();
    },
  );
  if (outcome.ok) return { status: "created", requestId: outcome.id, outcome };
  return { ...(await hold("refused", null, outcome.reason)), outcome };
}

/** The request a mail opens is keyed by the mail: handled twice, it opens one request. */
function submissionKeyFor(inboundMailId: string): string {
  const hex = createHash("sha256").update(`inbound-mail:${inboundMailId}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The mail's files through the attachment pipeline, as if the sender had uploaded them: the same
 * limits, and the malware scanner when one is configured. Files refused (too large, too many,
 * infected) are named in the message instead; the stored mail still has them.
 */
async function stageFiles(db: Database, uploader: Viewer, mail: ParsedInbound): Promise<{ ids: string[]; refused: string[] }> {
  const config = readAttachmentConfig();
  const store = getAttachmentStore();
  const scanner = config.clamdUrl ? getScanner() : null;
  const ids: string[] = [];
  const refused: string[] = [];
  let total = 0;
  for (const file of mail.attachments) {
    const name = file.fileName || "attachment";
    if (ids.length >= config.maxFiles || total + file.content.length > config.maxMessageBytes || file.content.length > config.maxFileBytes) {
      refused.push(name);
      continue;
    }
    try {
      const staged = await stageUpload(db, store, {
        body: Readable.from([file.content]),
        fileName: name,
        declaredType: file.contentType,
        uploaderId: uploader.actor.userId,
        now: uploader.now,
        maxBytes: config.maxFileBytes,
        scanned: config.clamdUrl !== undefined,
      });
      const verdict = scanner && staged.scanStatus === "pending" ? await scanAttachment(db, store, scanner, staged.id, uploader.now) : staged.scanStatus;
      if (verdict === "infected") {
        refused.push(name);
        continue;
      }
      ids.push(staged.id);
      total += file.content.length;
    } catch (error) {
      if (!(error instanceof UploadRefused)) throw error;
      refused.push(name);
    }
  }
  return { ids, refused };
}

/** An agent turns a held mail into a request for a customer (found by email); the mail's text and files become its description. */
export async function createRequestFromHeldMail(
  db: Database,
  viewer: Viewer,
  input: { inboundMailId: string; requesterEmail: string },
  options: ReceiveOptions,
): Promise<Outcome<{ requestId: number }>> {
  if (!viewer.actor.isAgent) return notFound();
  const stored = await db.inboundMail.findUnique({ where: { id: input.inboundMailId }, select: { id: true, status: true, raw: true } });
  if (!stored || stored.status !== "held") return notFound();
  const email = input.requesterEmail.trim().toLowerCase();
  const requester = await findMailSender(db, email, options.now);
  if (!requester || requester.actor.isAgent || requester.actor.memberships.length === 0) return invalid({ requesterEmail: "unknown_customer" });
  const parsed = await parseInboundMail(Buffer.from(stored.raw));
  if (!parsed.ok) return invalid({ inboundMailId: "unparseable" });
  // Held mail is back to "received" for the moment of its handling, so one agent's click acts once.
  const { count } = await db.inboundMail.updateMany({ where: { id: stored.id, status: "held" }, data: { status: "received" } });
  if (count === 0) return notFound();
  const restore: Hold = async (reason, requestId, detail) => {
    await settle(db, stored.id, { status: "held", reason, detail: detail ?? null, requestId });
    return { status: "held", requestId };
  };
  const opened = await openRequestByMail(db, stored.id, parsed.mail, requester, options, { agentId: viewer.actor.userId }, restore);
  if (opened.outcome && !opened.outcome.ok) return opened.outcome;
  return opened.requestId !== null && opened.status === "created" ? { ok: true, requestId: opened.requestId } : notFound();
}
