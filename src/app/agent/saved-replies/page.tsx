import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { MAX_SAVED_REPLY_TITLE_LENGTH } from "@/domain/saved-replies";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { listSavedReplies } from "@/server/saved-replies/saved-replies";
import { SavedReplyForm } from "@/ui/saved-replies/saved-reply-form";
import { SAVED_REPLIES_PATH, savedReplyHref } from "@/ui/saved-replies/saved-replies-href";
import { savedReplyFormLabels } from "@/ui/saved-replies/saved-reply-labels";
import { createSavedReplyAction } from "./actions";

// The saved replies every agent shares (docs/product.md §8): the list, and a form for a new one.
// Only agents: anyone else gets the same 404 as a page that does not exist.

export async function generateMetadata(): Promise<Metadata> {
  await requireAgentViewer(SAVED_REPLIES_PATH);
  const t = await getTranslations("savedReplies");
  return { title: t("title") };
}

export default async function SavedRepliesPage() {
  const viewer = await requireAgentViewer(SAVED_REPLIES_PATH);
  const [{ savedReplies }, t] = await Promise.all([listSavedReplies(getDatabase(), viewer, {}).then(found), getTranslations("savedReplies")]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("heading")}</h1>
        <p className="mt-1 text-sm text-slate-700">{t("intro")}</p>
      </div>
      <section aria-labelledby="saved-replies-list" className="space-y-3">
        <h2 id="saved-replies-list" className="text-lg font-semibold">
          {t("listHeading", { count: savedReplies.length })}
        </h2>
        {savedReplies.length === 0 ? (
          <p className="text-sm text-slate-700">{t("empty")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
            {savedReplies.map((savedReply) => (
              <li key={savedReply.id} className="p-4">
                <Link href={savedReplyHref(savedReply.id)} className="font-medium text-indigo-700 underline hover:text-indigo-900">
                  {savedReply.title}
                </Link>
                <p className="mt-1 line-clamp-2 whitespace-pre-line text-sm text-slate-700">{savedReply.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <SavedReplyForm action={createSavedReplyAction} labels={await savedReplyFormLabels("new")} titleMaxLength={MAX_SAVED_REPLY_TITLE_LENGTH} bodyMaxLength={MAX_REPLY_LENGTH} />
    </div>
  );
}
