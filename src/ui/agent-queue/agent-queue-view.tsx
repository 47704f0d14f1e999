import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { STATUS_DEFINITIONS, STATUSES_WITHOUT_REASON } from "@/domain";
import type { AgentQueuePage } from "@/server/requests/list-queue";
import { PAGE_SIZE } from "@/server/requests/listing";
import { ConsoleEvents } from "@/ui/agent-chats/console-events";
import { queueChatLines } from "@/ui/live/chat-refresh";
import type { FormAction } from "@/ui/form-state";
import { QueueFiltersForm } from "./queue-filters-form";
import { DEFAULT_QUEUE_VIEW, isFiltered, queueHref, type QueueView } from "./queue-href";
import { QueueKeyboard } from "./queue-keyboard";
import { BulkActionsForm } from "./queue-selection";
import { QueueTable } from "./queue-table";
import { QueueViewsNav } from "./queue-views-nav";
import { SatisfactionFigure } from "./satisfaction-figure";

const linkClass =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** The queue page; `bulkAction` is the server action of the bulk changes (src/app/agent/actions.ts). */
export async function AgentQueueView({ queue: page, now, bulkAction }: { queue: AgentQueuePage; now: Date; bulkAction: FormAction }) {
  const [t, tRoot, locale] = await Promise.all([getTranslations("agentQueue"), getTranslations(), getLocale()]);
  const view: QueueView = page.view;
  const { onLaterPage, total, start } = page;
  const caption = view.q ? t("searchCaption", { query: view.q, sort: view.sort, order: page.order }) : t("caption", { sort: view.sort, order: page.order });
  const shown = page.items.length > 0 ? t(total.exact ? "count.range" : "count.rangeMore", { from: start, to: start + page.items.length - 1, total: total.count }) : null;

  return (
    <section aria-labelledby="agent-queue-heading" className="space-y-3">
      {/* New requests and changes show up on their own, counts included; the filters keep what the agent chose. */}
      <ConsoleEvents refreshEveryMs={2_000} chatLinesFrom={queueChatLines(view, page.items.map((item) => item.id))} />
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
          <h1 id="agent-queue-heading" className="text-2xl font-semibold">
            {t("title")}
          </h1>
          {shown && (
            <p className="text-sm tabular-nums text-slate-700">
              <span className="sr-only">{t("count.label")}: </span>
              {shown}
            </p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <SatisfactionFigure />
          <QueueKeyboard
            labels={{
              button: t("keyboard.button"),
              title: t("keyboard.title"),
              close: t("keyboard.close"),
              hint: t("keyboard.hint"),
              groups: [
                {
                  heading: t("keyboard.queue"),
                  keys: [
                    ["j", t("keyboard.next")],
                    ["k", t("keyboard.previous")],
                    ["Enter", t("keyboard.open")],
                    ["x", t("keyboard.toggle")],
                    ["?", t("keyboard.help")],
                  ],
                },
                {
                  heading: t("keyboard.request"),
                  keys: [
                    ["r", t("keyboard.reply")],
                    ["n", t("keyboard.note")],
                  ],
                },
              ],
            }}
          />
        </div>
      </div>
      {/* The views and the search share a line: the rows get the screen (at least 15 at 1280×800). */}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <QueueViewsNav view={view} counts={page.viewCounts} />
        {/* Keyed by the view, so that after a link changes it the fields show the new choices. */}
        <QueueFiltersForm key={queueHref(view)} view={view} options={page} />
      </div>
      <div className="space-y-2">
        {view.q !== "" && <h2 className="text-base font-semibold">{t("resultsFor", { query: view.q })}</h2>}
        {page.organizationsNamed && view.organizationName && <OrganizationsNamed typed={view.organizationName} named={page.organizationsNamed} view={view} />}
        <BulkActionsForm
          action={bulkAction}
          labels={{
            label: t("bulk.label"),
            selected: {
              none: t("bulk.selected", { count: 0 }),
              one: t("bulk.selected", { count: 1 }).replace("1", "{count}"),
              other: t("bulk.selected", { count: 2 }).replace("2", "{count}"),
              locale,
            },
            assignTo: t("bulk.assignTo"),
            assign: t("bulk.assign"),
            setStatus: t("bulk.setStatus"),
            applyStatus: t("bulk.applyStatus"),
            statusHint: t("bulk.statusHint"),
            saving: t("bulk.saving"),
          }}
          assignees={[{ value: "me", label: t("bulk.me") }, { value: "", label: t("bulk.nobody") }, ...page.agents.map((agent) => ({ value: agent.id, label: agent.name }))]}
          statuses={STATUSES_WITHOUT_REASON.map((status) => ({ value: status, label: tRoot(STATUS_DEFINITIONS[status].labelKey) }))}
        />
        {page.items.length > 0 ? (
          <QueueTable items={page.items} caption={caption} now={now} view={view} order={page.order} />
        ) : (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
            <h2 className="text-lg font-semibold">{onLaterPage ? t("empty.pageEmptyTitle") : isFiltered(view) ? t("empty.noMatchTitle") : t("empty.noneTitle")}</h2>
            <p className="mt-1 text-slate-700">{onLaterPage ? t("empty.pageEmpty") : isFiltered(view) ? t("empty.noMatch") : t("empty.none")}</p>
            {(onLaterPage || isFiltered(view)) && (
              <Link href={queueHref(onLaterPage ? view : DEFAULT_QUEUE_VIEW)} className={`mt-4 ${linkClass}`}>
                {onLaterPage ? t("empty.firstPage") : t("filters.clear")}
              </Link>
            )}
          </div>
        )}
        {(page.previousCursor ?? page.nextCursor) && (
          <nav aria-label={t("pagination.label")} className="mt-2 flex items-center justify-between gap-4">
            <div>
              {page.previousCursor && (
                <Link href={queueHref(view, { before: page.previousCursor, start: Math.max(1, start - PAGE_SIZE) })} rel="prev" className={linkClass}>
                  <span aria-hidden="true">←</span>
                  {t("pagination.previous")}
                </Link>
              )}
            </div>
            <div>
              {page.nextCursor && (
                <Link href={queueHref(view, { after: page.nextCursor, start: start + page.items.length })} rel="next" className={linkClass}>
                  {t("pagination.next")}
                  <span aria-hidden="true">→</span>
                </Link>
              )}
            </div>
          </nav>
        )}
      </div>
    </section>
  );
}

/**
 * Which organizations a typed part of a name picked, when it is not exactly one: none, or several, each a
 * link that narrows the queue to it (by its whole name, which picks it alone).
 */
async function OrganizationsNamed({ typed, named, view }: { typed: string; named: NonNullable<AgentQueuePage["organizationsNamed"]>; view: QueueView }) {
  if (named.organizations.length === 1) return null;
  const t = await getTranslations("agentQueue.organizationsNamed");
  if (named.organizations.length === 0) return <p className="text-sm text-slate-700">{t("none", { typed })}</p>;
  return (
    <div className="text-sm text-slate-700">
      <p>{t(named.more ? "many" : "several", { typed, count: named.organizations.length })}</p>
      <ul className="mt-1 flex flex-wrap gap-x-3 gap-y-1">
        {named.organizations.map((organization) => (
          <li key={organization.id}>
            <Link href={queueHref({ ...view, organizationName: organization.name })} className="font-medium text-indigo-700 underline hover:no-underline">
              {organization.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
