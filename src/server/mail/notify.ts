import "server-only";
import { readMailConfig, type MailConfig } from "@/config/env";
import { notificationsFor, type EventRecord, type NotificationKind } from "@/domain";
import { DEFAULT_LOCALE } from "@/i18n/locales";
import { enqueueMail, type Writer } from "./outbox";
import { replyAddress } from "./signing";
import { renderRequestMail } from "./templates";
import { unsubscribeUrls } from "./unsubscribe";

// Turns a change to a request into mail, inside the change's transaction (docs/email.md): the domain
// says who hears of it (notificationsFor), each person's preferences and the undeliverable list say
// whether they get it, and each mail is written to the outbox in that person's language, threaded
// after the mail they already have about the request.

export interface ChangeToNotify {
  requestId: number;
  /** Null for the automation. */
  actorId: string | null;
  actorIsAgent: boolean;
  now: Date;
  commentId: string | null;
  records: readonly EventRecord[];
  created?: boolean;
  addedCcUserIds?: readonly string[];
  newAssigneeId?: string | null;
}

/** How many earlier Message-IDs a mail's References carry: the thread's first, and the latest ones. */
const REFERENCES_KEPT = 10;

export async function notifyChange(tx: Writer, change: ChangeToNotify, config: MailConfig = readMailConfig()): Promise<number> {
  const request = await tx.request.findUnique({
    where: { id: change.requestId },
    select: {
      id: true,
      subject: true,
      description: true,
      status: true,
      solvedReason: true,
      mergedIntoId: true,
      requesterId: true,
      assigneeId: true,
      createdAt: true,
      requester: { select: { name: true } },
      ccs: { select: { userId: true } },
    },
  });
  if (!request) return 0;
  const comment = change.commentId
    ? await tx.comment.findUnique({ where: { id: change.commentId }, select: { body: true, visibility: true, isReminder: true, createdAt: true, author: { select: { name: true } } } })
    : null;

  const notifications = notificationsFor({
    actorId: change.actorId,
    actorIsAgent: change.actorIsAgent,
    requesterId: request.requesterId,
    ccUserIds: request.ccs.map((cc) => cc.userId),
    assigneeId: request.assigneeId,
    comment: comment ? { visibility: comment.visibility, isReminder: comment.isReminder } : null,
    records: change.records,
    created: change.created ?? false,
    addedCcUserIds: change.addedCcUserIds,
    newAssigneeId: change.newAssigneeId,
  });
  if (notifications.length === 0) return 0;

  const named = notifications.filter((notification) => notification.to !== "agents").map((notification) => notification.to);
  const toAgents = notifications.find((notification) => notification.to === "agents");
  const people = await tx.user.findMany({
    where: { disabledAt: null, OR: [{ id: { in: named } }, ...(toAgents ? [{ isAgent: true }] : [])] },
    select: { id: true, email: true, name: true, locale: true, timeZone: true, isAgent: true, mailOff: true },
  });
  const kindFor = new Map<string, NotificationKind>(notifications.filter((n) => n.to !== "agents").map((n) => [n.to, n.kind]));
  // Internal notes never reach anyone by mail, and a message is only quoted when it is public.
  const message =
    comment?.visibility === "public"
      ? { authorName: comment.author.name, body: comment.body, at: comment.createdAt }
      : change.created
        ? { authorName: request.requester.name, body: request.description, at: request.createdAt }
        : null;

  const recipients = people.flatMap((person) => {
    const kind = kindFor.get(person.id) ?? (toAgents && person.isAgent && person.id !== change.actorId ? toAgents.kind : undefined);
    return kind && !person.mailOff.includes(kind) ? [{ person, kind }] : [];
  });
  const threads = await threadsOf(tx, request.id, recipients.map(({ person }) => person.email));

  for (const { person, kind } of recipients) {
    const locale = person.locale ?? DEFAULT_LOCALE;
    const unsubscribe = unsubscribeUrls(config, person.id, kind);
    const content = await renderRequestMail({
      kind,
      locale,
      // The quoted message's time in the recipient's saved zone; UTC when they have none.
      timeZone: person.timeZone ?? "UTC",
      recipientName: person.name,
      request: { id: request.id, subject: request.subject, status: request.status, solvedReason: request.solvedReason, mergedIntoId: request.mergedIntoId },
      message,
      requestUrl: `${config.publicUrl}${person.isAgent ? "/agent" : ""}/requests/${request.id}`,
      preferencesUrl: `${config.publicUrl}/settings/notifications`,
      unsubscribeUrl: unsubscribe.page,
      supportName: config.from.name,
    });
    const thread = threads.get(person.email.toLowerCase()) ?? [];
    await enqueueMail(
      tx,
      {
        kind,
        recipient: { userId: person.id, address: person.email, name: person.name, locale },
        content,
        ...requestMailThreading(config, request.id, thread, unsubscribe.oneClick),
      },
      { now: change.now, config },
    );
  }
  return recipients.length;
}

/**
 * What every mail about a request carries: the request, the signed reply address, the thread it
 * answers (In-Reply-To / References) and the one-click unsubscribe of its kind.
 */
export function requestMailThreading(config: MailConfig, requestId: number, thread: readonly string[], oneClickUnsubscribe: string) {
  return {
    requestId,
    replyTo: replyAddress(config.tokenKeys, config.from, requestId),
    inReplyTo: thread.at(-1) ?? null,
    references: [...thread],
    headers: {
      "List-Unsubscribe": `<${oneClickUnsubscribe}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "X-Portico-Request": String(requestId),
    },
  };
}

/**
 * The Message-IDs each recipient's mail client knows for the request, oldest first, by lower-cased
 * address: what Portico sent them and what they sent in. The thread's first is always kept, so
 * clients that thread by the root still do, then the latest ones. One query for all recipients: the
 * mail this change writes goes to each one's own address, so it never joins another's thread.
 */
export async function threadsOf(tx: Writer, requestId: number, addresses: readonly string[]): Promise<Map<string, string[]>> {
  const threads = new Map<string, string[]>();
  if (addresses.length === 0) return threads;
  const lowerCased = [...new Set(addresses.map((address) => address.toLowerCase()))];
  const rows = await tx.$queryRaw<{ address: string; messageId: string }[]>`
    SELECT address, "messageId" FROM (
      SELECT "toAddress" AS address, "messageId", "createdAt" AS at FROM "OutboundMail" WHERE "requestId" = ${requestId} AND "toAddress" = ANY(${lowerCased}::text[]) AND status <> 'suppressed'
      UNION ALL
      SELECT "fromAddress", "messageId", "receivedAt" FROM "InboundMail" WHERE "requestId" = ${requestId} AND "fromAddress" = ANY(${lowerCased}::text[])
    ) thread ORDER BY at, "messageId"`;
  for (const row of rows) {
    const thread = threads.get(row.address);
    if (thread) thread.push(row.messageId);
    else threads.set(row.address, [row.messageId]);
  }
  for (const [address, ids] of threads) {
    if (ids.length > REFERENCES_KEPT) threads.set(address, [ids[0] ?? "", ...ids.slice(-(REFERENCES_KEPT - 1))]);
  }
  return threads;
}
