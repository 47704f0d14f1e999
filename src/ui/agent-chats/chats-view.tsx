import Link from "next/link";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import type { RequestStatus } from "@/domain";
import { formatDateTime } from "@/i18n/format";
import type { ChatSummary } from "@/server/chat/read-chats";
import { EmptyList } from "@/ui/empty-list";
import { TranslatedStatusBadge } from "@/ui/translated-status-badge";
import { focusRing } from "@/ui/styles";
import { chatHref } from "./chat-href";
import { ConsoleEvents } from "./console-events";

// The console's Chats page (docs/product.md §6): the chats waiting for an agent, oldest first, each
// with who waits and about what, and the chats the viewer holds. New waiting chats appear on their own
// and are announced; the first agent to accept one holds it.

const MINUTE = 60_000;

/** The refusals an Accept can meet, each with a sentence of its own. */
const REFUSALS = ["not_waiting", "chat_ended", "not_in_chat"] as const;

export type ChatFormAction = (formData: FormData) => Promise<void>;

export async function ChatsView(props: {
  waiting: ChatSummary[];
  mine: ChatSummary[];
  after: string;
  now: Date;
  acceptAction: ChatFormAction;
  /** A refusal code from an Accept that came too late, or the request of a chat just transferred. */
  notice: { refused: string } | { transferred: number } | null;
}) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentChats"), getLocale(), getTimeZone()]);
  const { waiting, mine, now } = props;
  const firstLine = (chat: ChatSummary) => chat.firstLine?.split("\n", 1)[0]?.trim() || t("waiting.noMessage");
  const requestLink = (chat: ChatSummary) => (
    <Link href={`/agent/requests/${chat.requestId}`} className={`rounded-sm font-medium text-indigo-700 underline hover:text-indigo-900 ${focusRing}`}>
      #{chat.requestId} {chat.subject}
    </Link>
  );
  const refusal = props.notice && "refused" in props.notice ? props.notice.refused : null;
  const knownRefusal = REFUSALS.find((code) => code === refusal);

  return (
    <section aria-labelledby="agent-chats-heading" className="space-y-6">
      <ConsoleEvents refreshEveryMs={1_000} after={props.after} newChatLabel={t("live.newWaiting")} />
      <h1 id="agent-chats-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {refusal !== null && (
        <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          {knownRefusal ? t(`refusals.${knownRefusal}`) : t("notFound")}
        </p>
      )}
      {props.notice && "transferred" in props.notice && (
        <p role="status" className="rounded-lg border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-950">
          {t("notices.transferred", { id: String(props.notice.transferred) })}
        </p>
      )}

      <section aria-labelledby="chats-waiting-heading" className="space-y-3">
        <h2 id="chats-waiting-heading" className="text-lg font-semibold">
          {t("waiting.heading")} <span className="text-slate-600">({waiting.length})</span>
        </h2>
        {waiting.length === 0 ? (
          <EmptyList message={t("waiting.empty")} />
        ) : (
          <ul className="space-y-3">
            {waiting.map((chat) => {
              const minutes = Math.max(0, Math.floor((now.getTime() - chat.startedAt.getTime()) / MINUTE));
              return (
                <li key={chat.id} className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4">
                  <div className="min-w-0 flex-1 space-y-1">
                    <p className="font-semibold">{t("waiting.from", { customer: chat.customerName, organization: chat.organizationName })}</p>
                    <p className="text-sm">{requestLink(chat)}</p>
                    <p className="text-sm text-slate-700">
                      <time dateTime={chat.startedAt.toISOString()} title={formatDateTime(chat.startedAt, locale, timeZone)}>
                        {t("waiting.waited", { minutes })}
                      </time>
                    </p>
                    <blockquote className="truncate border-l-2 border-slate-300 pl-2 text-sm text-slate-800">
                      <span className="sr-only">{t("waiting.firstLine")}: </span>
                      {firstLine(chat)}
                    </blockquote>
                  </div>
                  <form action={props.acceptAction}>
                    <input type="hidden" name="chatId" value={chat.id} />
                    <button
                      type="submit"
                      aria-label={t("waiting.acceptLabel", { customer: chat.customerName, id: String(chat.requestId) })}
                      className={`rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 ${focusRing}`}
                    >
                      {t("waiting.accept")}
                    </button>
                  </form>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="chats-mine-heading" className="space-y-3">
        <h2 id="chats-mine-heading" className="text-lg font-semibold">
          {t("mine.heading")} <span className="text-slate-600">({mine.length})</span>
        </h2>
        {mine.length === 0 ? (
          <EmptyList message={t("mine.empty")} />
        ) : (
          <ul className="space-y-3">
            {mine.map((chat) => (
              <li key={chat.id} className="flex flex-wrap items-start justify-between gap-4 rounded-lg border border-slate-200 bg-white p-4">
                <div className="min-w-0 flex-1 space-y-1">
                  <p>
                    <Link href={chatHref(chat.id)} className={`rounded-sm font-semibold text-indigo-700 underline hover:text-indigo-900 ${focusRing}`}>
                      {t("chat.heading", { customer: chat.customerName })}
                    </Link>
                    <span className="text-slate-700">, {chat.organizationName}</span>
                  </p>
                  <p className="text-sm">
                    {requestLink(chat)} <TranslatedStatusBadge status={chat.requestStatus as RequestStatus} />
                  </p>
                  <p className="text-sm text-slate-700">
                    <time dateTime={chat.startedAt.toISOString()}>{t("mine.since", { time: formatDateTime(chat.startedAt, locale, timeZone) })}</time>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}
