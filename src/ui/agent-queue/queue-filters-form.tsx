import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { SLA_STATES, UNSOLVED_STATUSES } from "@/domain";
import { QUEUE_SORTS } from "@/schemas/agent-queue";
import { isFiltered, queueHref, DEFAULT_QUEUE_VIEW, type QueueView } from "./queue-href";
import { ChoiceGroup, PriorityChoices, SelectField, StatusChoices } from "@/ui/choice-group";
import { TextField } from "@/ui/form-fields";
import { focusRing } from "@/ui/styles";

const fieldClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40";
const buttonClass = `rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 ${focusRing}`;

interface Choice {
  id: string;
  name: string;
}

interface Options {
  /** Null when there are too many to list: the agent types part of a name. */
  organizations: Choice[] | null;
  /** Where they are not listed, the name of the organization the page is filtered by (by its id). */
  organizationChosen?: string;
  agents: Choice[];
}

/** A select's options: the fixed first ones, then each of a list by name. */
function choicesOf(list: Choice[], ...first: { value: string; label: string }[]) {
  return [...first, ...list.map(({ id, name }) => ({ value: id, label: name }))];
}

/**
 * Search, filters and sort in one plain GET form: it works without JavaScript, and submitting it
 * writes every choice into the URL (and starts again at the first page). One line — the search and a
 * "Filters" disclosure — so that the queue's rows get the screen.
 */
export async function QueueFiltersForm({ view, options }: { view: QueueView; options: Options }) {
  const t = await getTranslations("agentQueue");
  const statuses = view.status.length > 0 ? view.status : UNSOLVED_STATUSES;
  const changed = isFiltered(view) || view.sort !== DEFAULT_QUEUE_VIEW.sort || view.order !== undefined;

  return (
    <form method="get" action="/agent" role="search" aria-label={t("filters.label")} className="flex min-w-0 flex-1 basis-96 flex-wrap items-center gap-2">
      <label htmlFor="queue-search" className="sr-only">
        {t("searchLabel")}
      </label>
      <input
        id="queue-search"
        type="search"
        name="q"
        defaultValue={view.q}
        maxLength={200}
        placeholder={t("searchLabel")}
        aria-describedby="queue-search-hint"
        className={`${fieldClass} min-w-0 flex-1 py-1.5 sm:max-w-md`}
      />
      <button type="submit" className={buttonClass}>
        {t("filters.apply")}
      </button>
      {changed && (
        <Link href={queueHref(DEFAULT_QUEUE_VIEW)} className={`rounded-sm px-2 py-1.5 text-sm font-medium text-indigo-700 hover:underline ${focusRing}`}>
          {t("filters.clear")}
        </Link>
      )}
      {/* Open, it takes a line of its own under the search. */}
      <details className="open:basis-full">
        <summary className={`cursor-pointer rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 ${focusRing}`}>
          {t("filters.toggle")}
        </summary>
        <div className="mt-2 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
          <p id="queue-search-hint" className="text-xs text-slate-600">
            {t("searchHint")}
          </p>
          <div className="grid gap-5 sm:grid-cols-2">
            <StatusChoices legend={t("filters.status")} checked={statuses} />
            <PriorityChoices legend={t("filters.priority")} checked={view.priority} />
            <ChoiceGroup
              legend={t("filters.sla")}
              name="sla"
              type="radio"
              options={(["", ...SLA_STATES] as const).map((value) => ({
                value,
                label: t(`slaOptions.${value || "any"}`),
                checked: (view.sla ?? "") === value,
              }))}
            />
            <div className="space-y-3">
              {options.organizations ? (
                <SelectField
                  id="queue-organization"
                  name="organization"
                  label={t("filters.organization")}
                  defaultValue={view.organization ?? ""}
                  options={choicesOf(options.organizations, { value: "", label: t("filters.anyOrganization") })}
                />
              ) : (
                // An organization chosen by id (an older link) shows as its name, which picks it again when the form is sent.
                <TextField
                  id="queue-organization"
                  name="organizationName"
                  label={t("filters.organization")}
                  hint={t("filters.organizationHint")}
                  defaultValue={view.organizationName ?? options.organizationChosen ?? ""}
                  maxLength={200}
                />
              )}
              <SelectField
                id="queue-assignee"
                name="assignee"
                label={t("filters.assignee")}
                defaultValue={view.assignee ?? ""}
                options={choicesOf(
                  options.agents,
                  { value: "", label: t("filters.anyAssignee") },
                  { value: "me", label: t("filters.me") },
                  { value: "unassigned", label: t("filters.unassigned") },
                )}
              />
              <SelectField
                id="queue-sort"
                name="sort"
                label={t("filters.sort")}
                defaultValue={view.sort}
                options={QUEUE_SORTS.map((sort) => ({
                  value: sort,
                  label: t(`sorts.${sort}`),
                }))}
              />
              <SelectField
                id="queue-order"
                name="order"
                label={t("filters.order")}
                defaultValue={view.order ?? ""}
                options={[
                  { value: "", label: t("orders.default") },
                  { value: "asc", label: t("orders.asc") },
                  { value: "desc", label: t("orders.desc") },
                ]}
              />
            </div>
          </div>
        </div>
      </details>
    </form>
  );
}
