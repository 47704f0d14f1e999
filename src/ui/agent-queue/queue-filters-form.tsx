import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QUEUE_SORTS, SLA_STATES, UNSOLVED_STATUSES } from "@/schemas/agent-queue";
import { isFiltered, queueHref, DEFAULT_QUEUE_VIEW, type QueueView } from "./queue-href";
import { ChoiceGroup, PriorityChoices, StatusChoices } from "@/ui/choice-group";

const focusRing = "focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";
const fieldClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40";
const buttonClass = `rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 ${focusRing}`;
const legendClass = "text-sm font-medium";

interface Options {
  organizations: { id: string; name: string }[];
  agents: { id: string; name: string }[];
}

/**
 * Search, filters and sort in one plain GET form: it works without JavaScript, and submitting it
 * writes every choice into the URL (and starts again at the first page).
 */
export async function QueueFiltersForm({ view, options }: { view: QueueView; options: Options }) {
  const t = await getTranslations("agentQueue");
  const statuses = view.status.length > 0 ? view.status : UNSOLVED_STATUSES;
  const changed = isFiltered(view) || view.sort !== DEFAULT_QUEUE_VIEW.sort || view.order !== undefined;

  return (
    <form method="get" action="/agent" role="search" aria-label={t("filters.label")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <label htmlFor="queue-search" className="block text-sm font-medium">
          {t("searchLabel")}
        </label>
        <input
          id="queue-search"
          type="search"
          name="q"
          defaultValue={view.q}
          maxLength={200}
          aria-describedby="queue-search-hint"
          className={`${fieldClass} mt-1 w-full`}
        />
        <p id="queue-search-hint" className="mt-1 text-xs text-slate-600">
          {t("searchHint")}
        </p>
      </div>

      <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <StatusChoices legend={t("filters.status")} checked={statuses} />
        <PriorityChoices legend={t("filters.priority")} checked={view.priority} />
        <ChoiceGroup
          legend={t("filters.sla")}
          name="sla"
          type="radio"
          options={(["", ...SLA_STATES] as const).map((value) => ({ value, label: t(`slaOptions.${value || "any"}`), checked: (view.sla ?? "") === value }))}
        />
        <div className="space-y-3">
          <div>
            <label htmlFor="queue-organization" className={`block ${legendClass}`}>
              {t("filters.organization")}
            </label>
            <select id="queue-organization" name="organization" defaultValue={view.organization ?? ""} className={`${fieldClass} mt-1 w-full`}>
              <option value="">{t("filters.anyOrganization")}</option>
              {options.organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-assignee" className={`block ${legendClass}`}>
              {t("filters.assignee")}
            </label>
            <select id="queue-assignee" name="assignee" defaultValue={view.assignee ?? ""} className={`${fieldClass} mt-1 w-full`}>
              <option value="">{t("filters.anyAssignee")}</option>
              <option value="me">{t("filters.me")}</option>
              <option value="unassigned">{t("filters.unassigned")}</option>
              {options.agents.map((agent) => (
                <option key={agent.id} value={agent.id}>
                  {agent.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-sort" className={`block ${legendClass}`}>
              {t("filters.sort")}
            </label>
            <select id="queue-sort" name="sort" defaultValue={view.sort} className={`${fieldClass} mt-1 w-full`}>
              {QUEUE_SORTS.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sorts.${sort}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="queue-order" className={`block ${legendClass}`}>
              {t("filters.order")}
            </label>
            <select id="queue-order" name="order" defaultValue={view.order ?? ""} className={`${fieldClass} mt-1 w-full`}>
              <option value="">{t("orders.default")}</option>
              <option value="asc">{t("orders.asc")}</option>
              <option value="desc">{t("orders.desc")}</option>
            </select>
          </div>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass}>
          {t("filters.apply")}
        </button>
        {changed && (
          <Link href={queueHref(DEFAULT_QUEUE_VIEW)} className={`rounded-sm px-2 py-2 text-sm font-medium text-indigo-700 hover:underline ${focusRing}`}>
            {t("filters.clear")}
          </Link>
        )}
      </div>
    </form>
  );
}
