import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { DEFAULT_VIEW, listHref, type ListView } from "./list-href";
import { PriorityChoices, SelectField, StatusChoices } from "@/ui/choice-group";
import { focusRing } from "@/ui/styles";

const fieldClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40";
const buttonClass = `rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 ${focusRing}`;

/**
 * Search, filters and sort in one plain GET form: it works without JavaScript, and submitting it
 * writes every choice into the URL (and starts again at the first page).
 */
export async function ListControlsForm({ view }: { view: ListView }) {
  const t = await getTranslations("myRequests");
  const activeFilters = view.status.length + view.priority.length;
  const changedFromDefault =
    view.q !== "" || activeFilters > 0 || view.sort !== DEFAULT_VIEW.sort || view.order !== DEFAULT_VIEW.order;

  return (
    <form method="get" action="/requests" role="search" className="space-y-3">
      {view.scope !== DEFAULT_VIEW.scope && <input type="hidden" name="scope" value={view.scope} />}
      <div>
        <label htmlFor="request-search" className="block text-sm font-medium">
          {t("searchLabel")}
        </label>
        <div className="mt-1 flex flex-wrap items-center gap-2">
          <input
            id="request-search"
            type="search"
            name="q"
            defaultValue={view.q}
            maxLength={200}
            aria-describedby="request-search-hint"
            className={`${fieldClass} min-w-0 flex-1 basis-64`}
          />
          <button type="submit" className={buttonClass}>
            {t("search")}
          </button>
          {changedFromDefault && (
            <Link href={listHref({ ...DEFAULT_VIEW, scope: view.scope })} className={`rounded-sm px-2 py-2 text-sm font-medium text-indigo-700 hover:underline ${focusRing}`}>
              {t("filters.clear")}
            </Link>
          )}
        </div>
        <p id="request-search-hint" className="mt-1 text-xs text-slate-600">
          {t("searchHint")}
        </p>
      </div>

      <details open={activeFilters > 0 || view.sort !== DEFAULT_VIEW.sort || view.order !== DEFAULT_VIEW.order} className="rounded-lg border border-slate-200 bg-white">
        <summary className={`cursor-pointer rounded-lg px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 ${focusRing}`}>
          {t("filters.toggle")}
          {activeFilters > 0 && <span className="ml-2 text-slate-600">({t("filters.active", { count: activeFilters })})</span>}
        </summary>
        <div className="grid gap-6 border-t border-slate-200 px-4 py-4 sm:grid-cols-3">
          <StatusChoices legend={t("filters.status")} checked={view.status} />
          <PriorityChoices legend={t("filters.priority")} checked={view.priority} />
          <div className="space-y-3">
            <SelectField
              id="request-sort"
              name="sort"
              label={t("filters.sort")}
              defaultValue={view.sort}
              options={[
                { value: "activity", label: t("columns.lastActivity") },
                { value: "created", label: t("columns.created") },
              ]}
            />
            <SelectField
              id="request-order"
              name="order"
              label={t("filters.order")}
              defaultValue={view.order}
              options={[
                { value: "desc", label: t("filters.newestFirst") },
                { value: "asc", label: t("filters.oldestFirst") },
              ]}
            />
          </div>
        </div>
        <div className="border-t border-slate-200 px-4 py-3">
          <button type="submit" className={buttonClass}>
            {t("filters.apply")}
          </button>
        </div>
      </details>
    </form>
  );
}
