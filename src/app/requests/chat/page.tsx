import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "@/server/entry/translations";
import { MAX_CHAT_MESSAGE_LENGTH } from "@/domain";
import { requestIdSchema } from "@/schemas/request-id";
import { anyAgentAvailable } from "@/server/chat/presence";
import { findOpenChatOf } from "@/server/chat/read-chats";
import { getDatabase } from "@/server/db";
import { found, requireViewer } from "@/server/entry/viewer";
import { getNewRequestForm } from "@/server/requests/get-new-request-form";
import { getRequestPage } from "@/server/requests/get-request-page";
import { newSubmissionKey } from "@/server/submissions";
import { StartChatForm } from "@/ui/chat/start-chat-form";
import { startChatAction } from "./actions";

interface Props {
  searchParams: Promise<{ request?: string | string[] }>;
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("chat.start");
  return { title: t("title") };
}

// Starting a chat (docs/realtime.md, "Chat"): about a new topic, or about a request the customer
// replies on. Whether anyone is there to chat is said before the customer types: with nobody
// available, the same form leaves the message on the request, answered there and by email.
export default async function StartChatPage({ searchParams }: Props) {
  const { request } = await searchParams;
  const viewer = await requireViewer(request === undefined ? "/requests/chat" : `/requests/chat?request=${encodeURIComponent(String(request))}`);
  // Agents take chats in the console; customers start them.
  if (viewer.actor.isAgent) notFound();
  const db = getDatabase();

  let requestId: number | undefined;
  if (request !== undefined) {
    const parsed = requestIdSchema.safeParse(request);
    if (!parsed.success) notFound();
    // About a request: only for those who reply in its thread; anyone else finds nothing here.
    const { page } = found(await getRequestPage(db, viewer, { requestId: parsed.data }));
    if (!page.canReply) notFound();
    if (await findOpenChatOf(db, viewer, page.id)) redirect(`/requests/${page.id}#chat`);
    requestId = page.id;
  }

  const [t, form, available] = await Promise.all([getTranslations("chat.start"), requestId === undefined ? getNewRequestForm(db, viewer, {}) : null, anyAgentAvailable(db, viewer.now)]);
  const about = requestId === undefined ? null : { id: String(requestId) };

  return (
    <section aria-labelledby="start-chat-heading" className="max-w-3xl">
      <h1 id="start-chat-heading" className="text-2xl font-semibold">
        {about ? t("titleAbout", about) : t("title")}
      </h1>
      {form && !form.ok ? (
        <p className="mt-2 text-slate-700">{t("noOrganization")}</p>
      ) : (
        <>
          {available ? (
            <p id="chat-availability" className="mt-2 text-slate-700">
              {t("available")}
            </p>
          ) : (
            <p id="chat-availability" role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900">
              {t("offline")}
            </p>
          )}
          <StartChatForm
            action={startChatAction}
            submissionKey={newSubmissionKey()}
            requestId={requestId}
            organizations={form?.ok ? form.organizations.map(({ id, name }) => ({ id, name })) : []}
            maxLength={MAX_CHAT_MESSAGE_LENGTH}
            back={requestId === undefined ? "/requests" : `/requests/${requestId}`}
            describedBy="chat-availability"
            labels={{
              message: about ? t("messageAbout", about) : t("message"),
              required: t("required"),
              organization: t("organization"),
              organizationChoose: t("organizationChoose"),
              submit: available ? t("submit") : t("submitOffline"),
              submitting: available ? t("submitting") : t("submittingOffline"),
              cancel: t("cancel"),
              errorSummary: t("errorSummary"),
            }}
          />
        </>
      )}
    </section>
  );
}
