import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { HOLD_REASON_DEFINITIONS, SOLVED_REASON_DEFINITIONS, STATUS_DEFINITIONS } from "@/domain";
import { formatDateTime } from "@/i18n/format";
import type { Person, RequestPage, ThreadEntry } from "@/server/requests/get-request-page";
import { AttachmentList } from "./attachment-list";
import { MarkdownText } from "./markdown-text";

// The conversation (docs/product.md §2, §5, §7): the request as it was opened, then public replies, chat
// transcripts and status changes in time order. Replies are Markdown, rendered sanitized; chat
// lines are plain text, as they were typed.

export async function RequestThread({ page }: { page: RequestPage }) {
  const [t, tRoot, locale] = await Promise.all([getTranslations("request"), getTranslations(), getLocale()]);
  const imageLabel = (label: string) => t("thread.image", { label });
  const time = (date: Date) => (
    <time dateTime={date.toISOString()} className="whitespace-nowrap">
      {formatDateTime(date, locale)}
    </time>
  );
  const supportBadge = (person: Person) =>
    person.isAgent ? <span className="rounded bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200">{t("thread.support")}</span> : null;
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
              <h3 id={`comment-${item.id}`} className="font-semibold">
                {item.author.name}
              </h3>
              {supportBadge(item.author)}
              {item.internal && <span className="text-xs font-semibold text-amber-900">{t("thread.internalNote")}</span>}
              <p className="text-xs text-slate-600">
                {time(item.at)}
                {item.channel === "email" && <> · {t("thread.via.email")}</>}
              </p>
            </header>
            <div className="mt-2">
              <MarkdownText text={item.body} imageLabel={imageLabel} />
            </div>
            <AttachmentList files={item.attachments} />
            {item.reopened && reopenedBadge(t("thread.reopenedByReply"))}
          </article>
        );
      case "chat":
        return chatTranscript(item);
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
        <h3 id={headingId} className="flex items-center gap-2 font-semibold text-sky-900">
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 fill-current">
            <path d="M3 4a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v7a2 2 0 0 1-2 2H9l-4 4v-4a2 2 0 0 1-2-2V4Z" />
          </svg>
          {t("thread.chatTranscript", { date: formatDateTime(item.at, locale) })}
        </h3>
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
              <h3 id="request-opened" className="font-semibold">
                {t("thread.opened", { name: page.requester.name })}
              </h3>
              <p className="text-xs text-slate-600">
                {time(page.createdAt)} · {t(`thread.via.${page.channel}`)}
              </p>
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
