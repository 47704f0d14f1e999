import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { listHref, type ListView } from "./list-href";

const linkClass =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** Previous / Next by keyset cursor: each link keeps every other choice of the view. */
export async function ListPagination({ view, previousCursor, nextCursor }: { view: ListView; previousCursor: string | null; nextCursor: string | null }) {
  if (!previousCursor && !nextCursor) return null;
  const t = await getTranslations("myRequests.pagination");
  return (
    <nav aria-label={t("label")} className="mt-4 flex items-center justify-between gap-4">
      <div>
        {previousCursor && (
          <Link href={listHref(view, { before: previousCursor })} rel="prev" className={linkClass}>
            <span aria-hidden="true">←</span>
            {t("previous")}
          </Link>
        )}
      </div>
      <div>
        {nextCursor && (
          <Link href={listHref(view, { after: nextCursor })} rel="next" className={linkClass}>
            {t("next")}
            <span aria-hidden="true">→</span>
          </Link>
        )}
      </div>
    </nav>
  );
}
