import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "@/server/entry/translations";
import { MAX_SAVED_REPLY_TITLE_LENGTH } from "@/domain/saved-replies";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { getSavedReply } from "@/server/saved-replies/saved-replies";
import { SavedReplyForm } from "@/ui/saved-replies/saved-reply-form";
import { SAVED_REPLIES_PATH, savedReplyHref } from "@/ui/saved-replies/saved-replies-href";
import { savedReplyFormLabels } from "@/ui/saved-replies/saved-reply-labels";
import { deleteSavedReplyAction, updateSavedReplyAction } from "../actions";

interface Props {
  params: Promise<{ savedReplyId: string }>;
}

// One saved reply: edit its title and text, or delete it. Only agents.
const loadPage = cache(async (savedReplyId: string) => {
  const viewer = await requireAgentViewer(savedReplyHref(savedReplyId));
  return found(await getSavedReply(getDatabase(), viewer, { savedReplyId }));
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { savedReplyId } = await params;
  const [{ savedReply }, t] = await Promise.all([loadPage(savedReplyId), getTranslations("savedReplies")]);
  return { title: t("editTitle", { title: savedReply.title }) };
}

export default async function SavedReplyPage({ params }: Props) {
  const { savedReplyId } = await params;
  const [{ savedReply }, t] = await Promise.all([loadPage(savedReplyId), getTranslations("savedReplies")]);
  return (
    <div className="space-y-6">
      <div>
        <Link href={SAVED_REPLIES_PATH} className="text-sm font-medium text-indigo-700 underline hover:text-indigo-900">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-bold">{savedReply.title}</h1>
      </div>
      <SavedReplyForm
        action={updateSavedReplyAction}
        labels={await savedReplyFormLabels("edit")}
        savedReply={savedReply}
        titleMaxLength={MAX_SAVED_REPLY_TITLE_LENGTH}
        bodyMaxLength={MAX_REPLY_LENGTH}
      />
      <form action={deleteSavedReplyAction}>
        <input type="hidden" name="savedReplyId" value={savedReply.id} />
        <button
          type="submit"
          className="rounded-md border border-red-700 px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
        >
          {t("delete")}
        </button>
      </form>
    </div>
  );
}
