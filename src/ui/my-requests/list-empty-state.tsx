import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { DEFAULT_VIEW, listHref, type ListView } from "./list-href";

const actionClass =
  "mt-4 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** Why the list is empty, and the way on: a stale page, a search or filters that match nothing, or no requests yet. */
export async function ListEmptyState({ view, onLaterPage }: { view: ListView; onLaterPage: boolean }) {
  const t = await getTranslations("myRequests");
  const filtered = view.q !== "" || view.status.length > 0 || view.priority.length > 0;

  let content;
  if (onLaterPage) {
    content = (
      <>
        <h2 className="text-lg font-semibold">{t("empty.pageEmptyTitle")}</h2>
        <p className="mt-1 text-slate-700">{t("empty.pageEmpty")}</p>
        <Link href={listHref(view)} className={actionClass}>
          {t("empty.firstPage")}
        </Link>
      </>
    );
  } else if (filtered) {
    content = (
      <>
        <h2 className="text-lg font-semibold">{t("empty.noMatchTitle")}</h2>
        <p className="mt-1 text-slate-700">{view.q ? t("empty.noMatchSearch", { query: view.q }) : t("empty.noMatchFilters")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("empty.noMatchHint")}</p>
        <Link href={listHref({ ...DEFAULT_VIEW, scope: view.scope })} className={actionClass}>
          {t("filters.clear")}
        </Link>
      </>
    );
  } else {
    const message = { mine: t("empty.noneMine"), ccd: t("empty.noneCcd"), organization: t("empty.noneOrganization") }[view.scope];
    content = (
      <>
        <h2 className="text-lg font-semibold">{t("empty.noneTitle")}</h2>
        <p className="mt-1 text-slate-700">{message}</p>
        {view.scope === "mine" && (
          <Link href="/requests/new" className={actionClass}>
            {t("newRequest")}
          </Link>
        )}
      </>
    );
  }
  return <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">{content}</div>;
}
