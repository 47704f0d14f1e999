import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import type { ChatView } from "@/server/chat/read-chats";
import type { RequestPage } from "@/server/requests/get-request-page";
import { ChatPanel } from "@/ui/chat/chat-panel";
import { getChatPanelLabels } from "@/ui/chat/chat-labels";
import type { FormAction } from "@/ui/form-state";
import { RequestThread } from "@/ui/request/request-thread";
import { TranslatedStatusBadge } from "@/ui/translated-status-badge";
import { focusRing } from "@/ui/styles";
import { CHATS_PATH } from "./chat-href";
import type { ChatFormAction } from "./chats-view";
import { TransferForm } from "./transfer-form";

// One chat in the console: the live conversation, and beside it what the request holds so far (its
// thread, read-only) with the way to the full request. The agent holding the chat writes, ends and
// transfers it; any other agent reads it, and may accept it while it waits.

export async function AgentChatView(props: {
  chat: ChatView;
  holdsIt: boolean;
  request: RequestPage;
  transferTo: Array<{ id: string; name: string }>;
  actions: { accept: ChatFormAction; transfer: FormAction };
}) {
  const { chat, holdsIt, request } = props;
  const [t, labels] = await Promise.all([getTranslations("agentChats"), getChatPanelLabels()]);
  const requestHref = `/agent/requests/${request.id}`;
  const readOnly =
    holdsIt ? null : chat.status === "waiting" ? t("chat.readOnlyWaiting") : chat.status === "ended" ? t("chat.readOnlyEnded") : t("chat.readOnlyHeld", { agent: chat.agentName ?? "" });
  const status = chat.status === "active" ? t("chat.status.active", { agent: chat.agentName ?? "" }) : t(`chat.status.${chat.status}`);

  return (
    <div className="space-y-6">
      <nav aria-label={t("chat.breadcrumb")} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-slate-600">
          <li>
            <Link href={CHATS_PATH} className={`rounded-sm font-medium text-indigo-700 underline hover:text-indigo-900 ${focusRing}`}>
              {t("chat.back")}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li aria-current="page">{chat.customerName}</li>
        </ol>
      </nav>
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">{t("chat.heading", { customer: chat.customerName })}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <Link href={requestHref} className={`rounded-sm font-medium text-indigo-700 underline hover:text-indigo-900 ${focusRing}`}>
            {t("chat.about", { id: String(request.id), subject: request.subject })}
          </Link>
          <TranslatedStatusBadge status={request.status} />
          <span>· {request.organization.name}</span>
          <span>· {status}</span>
        </p>
      </header>

      <div className="grid gap-6 lg:grid-cols-5">
        <div className="space-y-4 lg:col-span-3">
          {readOnly && <p className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">{readOnly}</p>}
          {!holdsIt && chat.status === "waiting" && (
            <form action={props.actions.accept}>
              <input type="hidden" name="chatId" value={chat.id} />
              <button type="submit" className={`rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 ${focusRing}`}>
                {t("waiting.accept")}
              </button>
            </form>
          )}
          <ChatPanel
            chatId={chat.id}
            requestId={chat.requestId}
            side="agent"
            status={chat.status}
            customerName={chat.customerName}
            agentName={chat.agentName}
            lines={chat.lines.map((line) => ({ ...line, sentAt: line.sentAt.toISOString() }))}
            after={chat.after}
            canWrite={holdsIt}
            labels={labels}
          />
          {holdsIt && (
            <TransferForm
              chatId={chat.id}
              agents={props.transferTo}
              action={props.actions.transfer}
              labels={{
                heading: t("chat.transfer.heading"),
                agent: t("chat.transfer.agent"),
                choose: t("chat.transfer.choose"),
                submit: t("chat.transfer.submit"),
                submitting: t("chat.transfer.submitting"),
                none: t("chat.transfer.none"),
              }}
            />
          )}
        </div>
        <aside aria-label={t("chat.history")} className="space-y-3 lg:col-span-2">
          <p>
            <Link href={requestHref} className={`rounded-sm text-sm font-medium text-indigo-700 underline hover:text-indigo-900 ${focusRing}`}>
              {t("chat.openRequest", { id: String(request.id) })}
            </Link>
          </p>
          <div className="rounded-lg border border-slate-200 bg-slate-50 p-3">
            <RequestThread page={request} />
          </div>
        </aside>
      </div>
    </div>
  );
}
