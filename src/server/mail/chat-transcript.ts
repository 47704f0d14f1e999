import "server-only";
import { readMailConfig, type MailConfig } from "@/config/env";
import type { NotificationKind } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { DEFAULT_LOCALE } from "@/i18n/locales";
import { requestMailThreading, threadsOf } from "./notify";
import { enqueueMail } from "./outbox";
import { renderChatTranscriptMail } from "./templates";
import { unsubscribeUrls } from "./unsubscribe";

// An ended chat's transcript, mailed to the customer who started it, in the transaction that ends the
// chat (docs/email.md). It goes as the customer's "replies from support" notification (agent_reply):
// a chat is support answering them, so whoever turned those off does not get transcripts either, and
// the mail's unsubscribe link turns off that same kind. The undeliverable list applies as to all mail.

/** The notification a transcript counts as, for the preferences and the unsubscribe link. */
export const CHAT_TRANSCRIPT_KIND: NotificationKind = "agent_reply";

/** Writes the transcript mail to the outbox; 0 when there is nothing to send (no line, mail turned off). */
export async function enqueueChatTranscript(tx: Prisma.TransactionClient, chat: { chatId: string; now: Date }, config: MailConfig = readMailConfig()): Promise<number> {
  const session = await tx.chatSession.findUnique({
    where: { id: chat.chatId },
    select: {
      startedAt: true,
      endedBy: true,
      request: { select: { id: true, subject: true } },
      startedBy: { select: { id: true, email: true, name: true, locale: true, timeZone: true, isAgent: true, disabledAt: true, mailOff: true } },
      messages: { orderBy: [{ sentAt: "asc" }, { id: "asc" }], select: { id: true, body: true, sentAt: true, author: { select: { name: true } } } },
    },
  });
  if (!session || session.messages.length === 0) return 0;
  const { request, startedBy: customer } = session;
  if (customer.isAgent || customer.disabledAt !== null || customer.mailOff.includes(CHAT_TRANSCRIPT_KIND)) return 0;

  const locale = customer.locale ?? DEFAULT_LOCALE;
  const unsubscribe = unsubscribeUrls(config, customer.id, CHAT_TRANSCRIPT_KIND);
  const content = await renderChatTranscriptMail({
    locale,
    // The reader's saved zone; UTC when they have none, named in every time.
    timeZone: customer.timeZone ?? "UTC",
    recipientName: customer.name,
    request,
    chat: { startedAt: session.startedAt, endedBy: session.endedBy },
    lines: session.messages.map((line) => ({ id: line.id, authorName: line.author.name, body: line.body, sentAt: line.sentAt })),
    requestUrl: `${config.publicUrl}/requests/${request.id}`,
    preferencesUrl: `${config.publicUrl}/settings/notifications`,
    unsubscribeUrl: unsubscribe.page,
    supportName: config.from.name,
  });
  // The same thread as the request's notifications, so the transcript lands among them.
  const thread = (await threadsOf(tx, request.id, [customer.email])).get(customer.email.toLowerCase()) ?? [];
  await enqueueMail(
    tx,
    {
      kind: CHAT_TRANSCRIPT_KIND,
      recipient: { userId: customer.id, address: customer.email, name: customer.name, locale },
      content,
      ...requestMailThreading(config, request.id, thread, unsubscribe.oneClick),
    },
    { now: chat.now, config },
  );
  return 1;
}
