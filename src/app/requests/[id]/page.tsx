import type { Metadata } from "next";
import { cache } from "react";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { addCcAction, removeCcAction } from "@/app/actions/request-cc";
import { attachmentPickerSetup } from "@/app/attachment-picker";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { findOpenChatOf } from "@/server/chat/read-chats";
import { getDatabase } from "@/server/db";
import { found, requireViewer } from "@/server/entry/viewer";
import { getRequestPage } from "@/server/requests/get-request-page";
import { newSubmissionKey } from "@/server/submissions";
import { ChatWithSupportLink } from "@/ui/chat/chat-link";
import { chatPanelLabels } from "@/ui/chat/chat-labels";
import { ChatPanel } from "@/ui/chat/chat-panel";
import { LiveUpdates } from "@/ui/request/live-updates";
import { MergedNotice } from "@/ui/request/merged-notice";
import { ReplyForm } from "@/ui/request/reply-form";
import { composerLabels } from "@/ui/composer/composer-labels";
import { RequestCcs } from "@/ui/request/request-ccs";
import { RequestDetails } from "@/ui/request/request-details";
import { RequestHeading } from "@/ui/request/request-heading";
import { RequestThread } from "@/ui/request/request-thread";
import { RequesterVerdict } from "@/ui/request/requester-verdict";
import { markSolvedAction, rateAction, replyAction } from "./actions";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ left?: string | string[] }>;
}

// One load per request for the title and the page. A request that does not exist and one the
// viewer may not see are the same 404, with the same title.
const loadRequestPage = cache(async (id: string) => {
  const viewer = await requireViewer(`/requests/${encodeURIComponent(id)}`);
  return { viewer, outcome: await getRequestPage(getDatabase(), viewer, { requestId: id }) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [{ outcome }, t] = await Promise.all([loadRequestPage(id), getTranslations("request")]);
  // Not there for this viewer: the one not-found page, with its own title.
  const { page } = found(outcome);
  return { title: t("title", { id: String(page.id), subject: page.subject }) };
}

export default async function RequestPage({ params, searchParams }: Props) {
  const [{ id }, { left }] = await Promise.all([params, searchParams]);
  const { viewer, outcome } = await loadRequestPage(id);
  const { page } = found(outcome);
  const [t, tList, tChat, locale, attachments, chat] = await Promise.all([
    getTranslations("request"),
    getTranslations("myRequests"),
    getTranslations("chat"),
    getLocale(),
    attachmentPickerSetup(),
    findOpenChatOf(getDatabase(), viewer, page.id),
  ]);

  return (
    <div>
      {/* One stream per page: a chat's panel follows the request's stream and refreshes the page itself. */}
      {!chat && <LiveUpdates requestId={page.id} />}
      <RequestHeading id={page.id} subject={page.subject} status={page.status} back={{ href: "/requests", label: tList("title") }} breadcrumbLabel={t("breadcrumb")}>
        {page.resolution?.reason === "merged" && (
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300">{t("merged")}</span>
        )}
      </RequestHeading>
      {left === "1" && (
        <p role="status" className="mt-4 rounded-md border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {tChat("leftMessage")}
        </p>
      )}
      {page.canReply && !chat && (
        <div className="mt-4">
          <ChatWithSupportLink requestId={page.id} label={tChat("chatWithSupport")} />
        </div>
      )}
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="order-last min-w-0">
          <RequestDetails page={page} now={viewer.now} ccs={<RequestCcs page={page} actions={{ add: addCcAction, remove: removeCcAction }} />} />
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {chat && (
            <section id="chat" aria-labelledby="chat-heading" className="scroll-mt-4">
              <h2 id="chat-heading" className="mb-2 text-lg font-semibold">
                {tChat("panel.heading")}
              </h2>
              <ChatPanel
                chatId={chat.id}
                requestId={page.id}
                side="customer"
                status={chat.status}
                customerName={chat.customerName}
                agentName={chat.agentName}
                lines={chat.lines.map((line) => ({ ...line, sentAt: line.sentAt.toISOString() }))}
                after={chat.after}
                canWrite
                labels={chatPanelLabels(tChat, locale, await getTimeZone())}
              />
            </section>
          )}
          <RequestThread page={page} />
          <RequesterVerdict page={page} actions={{ markSolved: markSolvedAction, rate: rateAction }} submissionKey={newSubmissionKey()} />
          {page.resolution?.reason === "merged" ? (
            // No reply box on a merged request: where the conversation continues instead (§4.3).
            <MergedNotice page={page} />
          ) : page.canReply ? (
            <ReplyForm
              requestId={page.id}
              action={replyAction}
              // Made on every rendering: the action revalidates this page, so each sent reply brings a new key.
              submissionKey={newSubmissionKey()}
              maxLength={MAX_REPLY_LENGTH}
              draftKey={`${viewer.actor.userId}:request:${page.id}:reply`}
              composer={await composerLabels()}
              labels={{ heading: t("reply.heading"), label: t("reply.label"), hint: t("reply.hint"), submit: t("reply.submit"), submitting: t("reply.submitting") }}
              attachments={attachments}
            />
          ) : (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
              {page.repliesFromAgentConsole ? t("reply.agentConsole") : t("reply.readOnly")}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
