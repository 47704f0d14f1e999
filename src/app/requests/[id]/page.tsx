import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "next-intl/server";
import { addCcAction, removeCcAction } from "@/app/actions/request-cc";
import { attachmentPickerSetup } from "@/app/attachment-picker";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { getDatabase } from "@/server/db";
import { found, requireViewer } from "@/server/entry/viewer";
import { getRequestPage } from "@/server/requests/get-request-page";
import { newSubmissionKey } from "@/server/submissions";
import { LiveUpdates } from "@/ui/request/live-updates";
import { ReplyForm } from "@/ui/request/reply-form";
import { RequestCcs } from "@/ui/request/request-ccs";
import { RequestDetails } from "@/ui/request/request-details";
import { RequestHeading } from "@/ui/request/request-heading";
import { RequestThread } from "@/ui/request/request-thread";
import { replyAction } from "./actions";

interface Props {
  params: Promise<{ id: string }>;
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

export default async function RequestPage({ params }: Props) {
  const { id } = await params;
  const { viewer, outcome } = await loadRequestPage(id);
  const { page } = found(outcome);
  const [t, tList, attachments] = await Promise.all([getTranslations("request"), getTranslations("myRequests"), attachmentPickerSetup()]);

  return (
    <div>
      <LiveUpdates requestId={page.id} />
      <RequestHeading id={page.id} subject={page.subject} status={page.status} back={{ href: "/requests", label: tList("title") }} breadcrumbLabel={t("breadcrumb")}>
        {page.resolution?.reason === "merged" && (
          <span className="rounded-full bg-slate-100 px-2.5 py-0.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300">{t("merged")}</span>
        )}
      </RequestHeading>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="lg:order-last">
          <RequestDetails page={page} now={viewer.now} ccs={<RequestCcs page={page} actions={{ add: addCcAction, remove: removeCcAction }} />} />
        </div>
        <div className="space-y-6 lg:col-span-2">
          <RequestThread page={page} />
          {page.canReply ? (
            <ReplyForm
              requestId={page.id}
              action={replyAction}
              // Made on every rendering: the action revalidates this page, so each sent reply brings a new key.
              submissionKey={newSubmissionKey()}
              maxLength={MAX_REPLY_LENGTH}
              draftKey={`${viewer.actor.userId}:request:${page.id}:reply`}
              labels={{ heading: t("reply.heading"), label: t("reply.label"), hint: t("reply.hint"), submit: t("reply.submit"), submitting: t("reply.submitting") }}
              attachments={attachments}
            />
          ) : (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
              {page.repliesFromAgentConsole
                ? t("reply.agentConsole")
                : page.readsThrough === "merge_link" && page.resolution?.mergedInto
                  ? t("reply.readOnlyMerged", { id: String(page.resolution.mergedInto.id) })
                  : t("reply.readOnly")}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
