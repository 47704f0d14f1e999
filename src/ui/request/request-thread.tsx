import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { HOLD_REASON_DEFINITIONS, SOLVED_REASON_DEFINITIONS, STATUS_DEFINITIONS } from "@/domain";
import type { Channel } from "@/domain";
import { formatDateTime } from "@/i18n/format";
import type { Person, RequestPage, ThreadEntry } from "@/server/requests/get-request-page";
import { incomingMailHref } from "@/ui/agent-mail/mail-href";
import { focusRing } from "@/ui/styles";
import { AttachmentList } from "./attachment-list";
import { Avatar } from "@/ui/avatar";
import { MarkdownText } from "./markdown-text";

// The conversation (docs/product.md §2, §5, §7): the request as it was opened, then public replies, chat
// transcripts and status changes in time order. Replies are Markdown, rendered sanitized; chat
// lines are plain text, as they were typed. Each message says, quietly, how it came: in the portal, by
// email, in a chat or through the API. A request merged into this one shows where it joined, linked.

/** A small icon per channel, drawn on a 20×20 grid. */
const CHANNEL_ICONS: Record<Channel, string> = {
  web: "M3 4a1 1 0 0 1 1-1h12a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1h-4v2h2v1H6v-1h2v-2H4a1 1 0 0 1-1-1V4Zm2 1v7h10V5H5Z",
  email: "M2 5a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V5Zm2.3 0L10 9.3 15.7 5H4.3ZM16 6.7l-6 4.6-6-4.6V15h12V6.7Z",
  chat: "M3 4a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H9l-4 4v-4a2 2 0 0 1-2-2V4Z",
  api: "M7.3 5.3 2.6 10l4.7 4.7-1.4 1.4L0 10l5.9-6.1 1.4 1.4Zm5.4 0 1.4-1.4L20 10l-5.9 6.1-1.4-1.4 4.7-4.7-4.7-4.7Z",
};

/**
 * The conversation. `originalEmails` (the agent console's) links each comment that came by email to
 * the mail it came as, by comment id; `openingEmail` the mail that opened the request.
 */
export async function RequestThread({
  page,
  originalEmails = {},
  openingEmail = null,
  automaticReminderLabel,
}: {
  page: RequestPage;
  originalEmails?: Record<string, string>;
  openingEmail?: string | null;
  /** Given (the agent console): the automation's reminders are shown as its own, not the signing agent's. */
  automaticReminderLabel?: string;
}) {
  const [t, tRoot, locale, timeZone] = await Promise.all([getTranslations("request"), getTranslations(), getLocale(), getTimeZone()]);
  const imageLabel = (label: string) => t("thread.image", { label });
  const time = (date: Date) => (
    <time dateTime={date.toISOString()} className="whitespace-nowrap">
      {formatDateTime(date, locale, timeZone)}
    </time>
  );
  const supportBadge = (person: Person) =>
    person.isAgent ? <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200">{t("thread.support")}</span> : null;
  const channelBadge = (channel: Channel) => (
    <span className="inline-flex items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700" data-channel={channel}>
      <svg aria-hidden="true" viewBox="0 0 20 20" className="h-3 w-3 fill-current">
        <path d={CHANNEL_ICONS[channel]} />
      </svg>
      {t(`thread.via.${channel}`)}
    </span>
  );
  const originalEmailLink = (inboundId: string | null | undefined) =>
    inboundId ? (
      <a href={incomingMailHref(inboundId)} className={`rounded-sm text-xs font-medium text-indigo-700 hover:underline ${focusRing}`}>
        {t("thread.viewOriginalEmail")}
      </a>
    ) : null;
  const reopenedBadge = (label: string) => (
    <p className="mt-2 inline-flex items-center gap-1 rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-semibold text-amber-900 ring-1 ring-inset ring-amber-300">
      <span aria-hidden="true">↻</span>
      {label}
    </p>
  );

  function entry(item: ThreadEntry): ReactNode {
    switch (item.kind) {
      case "comment":
        return (
          <article
            aria-labelledby={`comment-${item.id}`}
            className={item.internal ? "rounded-lg border border-dashed border-amber-400 bg-amber-50 p-4" : "rounded-lg border border-slate-200 bg-white p-4"}
          >
            <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              {item.automaticReminder && automaticReminderLabel ? (
                <h3 id={`comment-${item.id}`} className="font-semibold" data-automatic-reminder="">
                  {automaticReminderLabel}
                </h3>
              ) : (
                <>
                  <Avatar person={item.author} />
                  <h3 id={`comment-${item.id}`} className="font-semibold">
                    {item.author.name}
                  </h3>
                  {supportBadge(item.author)}
                </>
              )}
              {item.internal && <span className="text-xs font-semibold text-amber-900">{t("thread.internalNote")}</span>}
              <p className="text-xs text-slate-600">{time(item.at)}</p>
              {channelBadge(item.channel)}
              {originalEmailLink(originalEmails[item.id])}
            </header>
            <div className="mt-2">
              <MarkdownText text={item.body} imageLabel={imageLabel} />
            </div>
            <AttachmentList files={item.attachments} />
            {item.reopened && reopenedBadge(t(item.channel === "email" ? "thread.reopenedByEmail" : "thread.reopenedByReply"))}
          </article>
        );
      case "chat":
        return chatTranscript(item);
      case "merge_received":
        // Where another request's conversation joined this one (docs/product.md §4.3), with the way to read it.
        return (
          <p className="rounded-md border border-dashed border-indigo-300 bg-indigo-50/60 px-4 py-2 text-center text-sm text-slate-800">
            <span aria-hidden="true" className="mr-1">⤵</span>
            {t.rich("merge.mergedHere", {
              id: String(item.source.id),
              subject: item.source.subject,
              link: (chunks) => (
                <Link href={`/requests/${item.source.id}`} className={`rounded-sm font-medium text-indigo-800 underline hover:text-indigo-950 ${focusRing}`}>
                  {chunks}
                </Link>
              ),
            })}{" "}
            · <span className="text-xs text-slate-600">{time(item.at)}</span>
          </p>
        );
      case "status_change": {
        const status = tRoot(STATUS_DEFINITIONS[item.to].labelKey);
        const reason = item.holdReason
          ? item.holdReason.code === "other"
            ? item.holdReason.text
            : tRoot(HOLD_REASON_DEFINITIONS[item.holdReason.code].labelKey)
          : item.solvedReason
            ? tRoot(SOLVED_REASON_DEFINITIONS[item.solvedReason].labelKey)
            : null;
        return (
          <p className="px-4 text-center text-xs text-slate-600">
            <span className="font-medium text-slate-800">{reason ? t("thread.statusChangedWithReason", { status, reason }) : t("thread.statusChanged", { status })}</span> · {time(item.at)}
          </p>
        );
      }
    }
  }

  function chatTranscript(item: Extract<ThreadEntry, { kind: "chat" }>): ReactNode {
    const headingId = `chat-${item.id}`;
    return (
      <section aria-labelledby={headingId} className="rounded-lg border border-sky-200 bg-sky-50/60 p-4">
        <header className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <h3 id={headingId} className="flex items-center gap-2 font-semibold text-sky-900">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
              <path d={CHANNEL_ICONS.chat} />
            </svg>
            {t("thread.chatTranscript", { date: formatDateTime(item.at, locale, timeZone) })}
          </h3>
          {channelBadge("chat")}
        </header>
        <ol className="mt-3 space-y-3">
          {item.lines.map((line) => {
            const fromSupport = line.author.isAgent;
            return (
              <li key={line.id} className={fromSupport ? "flex justify-start" : "flex justify-end"}>
                <div className={fromSupport ? "max-w-[85%] rounded-2xl rounded-bl-sm bg-white px-3 py-2 ring-1 ring-slate-200" : "max-w-[85%] rounded-2xl rounded-br-sm bg-indigo-700 px-3 py-2 text-white"}>
                  <p className={fromSupport ? "flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600" : "flex flex-wrap items-baseline gap-x-2 text-xs text-indigo-100"}>
                    <span className={fromSupport ? "font-semibold text-slate-900" : "font-semibold text-white"}>{line.author.name}</span>
                    {time(line.sentAt)}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap break-words text-sm">{line.body}</p>
                </div>
              </li>
            );
          })}
        </ol>
        {item.reopened && reopenedBadge(t("thread.reopenedByChat"))}
      </section>
    );
  }

  return (
    <section aria-labelledby="request-thread-heading">
      <h2 id="request-thread-heading" className="text-lg font-semibold">
        {t("responses")}
      </h2>
      <ol className="mt-3 space-y-4">
        <li>
          <article aria-labelledby="request-opened" className="rounded-lg border border-slate-200 bg-white p-4">
            <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <Avatar person={page.requester} />
              <h3 id="request-opened" className="font-semibold">
                {t("thread.opened", { name: page.requester.name })}
              </h3>
              <p className="text-xs text-slate-600">{time(page.createdAt)}</p>
              {channelBadge(page.channel)}
              {originalEmailLink(openingEmail)}
            </header>
            <div className="mt-2">
              <MarkdownText text={page.description} imageLabel={imageLabel} />
            </div>
            <AttachmentList files={page.attachments} />
          </article>
        </li>
        {page.thread.map((item) => (
          <li key={`${item.kind}-${item.id}`}>{entry(item)}</li>
        ))}
      </ol>
      {page.thread.length === 0 && <p className="mt-3 text-sm text-slate-700">{t("thread.noResponses")}</p>}
    </section>
  );
}
