import type { ReactNode } from "react";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { MAX_RATING_COMMENT_LENGTH } from "@/domain";
import { formatDateTime } from "@/i18n/format";
import type { RequestPage } from "@/server/requests/get-request-page";
import type { FormAction } from "@/ui/form-state";
import { MarkSolvedForm } from "./mark-solved-form";
import { SatisfactionForm } from "./satisfaction-form";

// The requester closes the loop (docs/product.md §4.1, §4.5): "Mark as solved" while the request is
// Open or Pending; once it is Solved, the rating of the answer — a form while it may still change,
// then the rating as given. Nothing for anyone else: CCs and organization viewers do neither.

export async function RequesterVerdict({ page, actions, submissionKey }: { page: RequestPage; actions: { markSolved: FormAction; rate: FormAction }; submissionKey: string }) {
  const showRating = page.status === "solved" && (page.ratingOpenUntil !== null || page.rating !== null);
  if (!page.canMarkSolved && !showRating) return null;
  const [t, locale, timeZone] = await Promise.all([getTranslations("request"), getLocale(), getTimeZone()]);

  if (page.canMarkSolved) {
    return (
      <MarkSolvedForm
        requestId={page.id}
        action={actions.markSolved}
        submissionKey={submissionKey}
        labels={{
          heading: t("markSolved.heading"),
          intro: t("markSolved.intro"),
          button: t("markSolved.button"),
          confirmText: t("markSolved.confirmText"),
          confirm: t("markSolved.confirm"),
          cancel: t("markSolved.cancel"),
          submitting: t("markSolved.submitting"),
        }}
      />
    );
  }

  const time = (date: Date) =>
    function TimeTag(chunks: ReactNode) {
      return (
        <time dateTime={date.toISOString()} className="whitespace-nowrap">
          {chunks}
        </time>
      );
    };
  const when = (date: Date) => ({ when: formatDateTime(date, locale, timeZone), time: time(date) });
  const { rating, ratingOpenUntil } = page;
  const status = (
    <>
      {rating && <p className="font-medium">{t.rich("rating.current", { score: rating.score, ...when(rating.updatedAt) })}</p>}
      <p className="mt-1 text-slate-700">
        {ratingOpenUntil ? t.rich(rating ? "rating.changeUntil" : "rating.openUntil", when(ratingOpenUntil)) : t("rating.closed")}
      </p>
    </>
  );

  if (!ratingOpenUntil) {
    // The window has closed: the rating as given, no form.
    return (
      <section aria-labelledby="rating-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="rating-heading" className="text-lg font-semibold">
          {t("rating.heading")}
        </h2>
        <div className="mt-2 text-sm text-slate-800">{status}</div>
      </section>
    );
  }
  return (
    <SatisfactionForm
      requestId={page.id}
      action={actions.rate}
      current={rating && { score: rating.score, comment: rating.comment }}
      maxCommentLength={MAX_RATING_COMMENT_LENGTH}
      status={status}
      labels={{
        heading: t("rating.heading"),
        intro: t("rating.intro"),
        scoreLegend: t("rating.fields.score"),
        good: t("rating.good"),
        bad: t("rating.bad"),
        comment: t("rating.comment"),
        commentHint: t("rating.commentHint"),
        submit: rating ? t("rating.change") : t("rating.submit"),
        submitting: t("rating.submitting"),
      }}
    />
  );
}
