import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { AgentQueuePage } from "@/server/requests/list-queue";
import { ConsoleEvents } from "@/ui/agent-chats/console-events";
import { QueueFiltersForm } from "./queue-filters-form";
import { DEFAULT_QUEUE_VIEW, isFiltered, queueHref, type QueueView } from "./queue-href";
import { QueueTable } from "./queue-table";

const linkClass =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

export async function AgentQueueView({ queue: page, now }: { queue: AgentQueuePage; now: Date }) {
  const t = await getTranslations("agentQueue");
  const view: QueueView = page.view;
  const { onLaterPage } = page;
  const caption = view.q
    ? t("searchCaption", { query: view.q, sort: view.sort, order: page.order })
    : t("caption", { sort: view.sort, order: page.order });

  return (
    <section aria-labelledby="agent-queue-heading" className="space-y-5">
      {/* New requests and changes show up on their own; the filters keep what the agent chose. */}
      <ConsoleEvents refreshEveryMs={2_000} everyChatEvent />
      <h1 id="agent-queue-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {/* Keyed by the view, so that after a link changes it the fields show the new choices. */}
      <QueueFiltersForm key={queueHref(view)} view={view} options={page} />
      <div>
        {view.q !== "" && <h2 className="mb-2 text-base font-semibold">{t("resultsFor", { query: view.q })}</h2>}
        {page.items.length > 0 ? (
          <QueueTable items={page.items} caption={caption} now={now} />
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
          <nav aria-label={t("pagination.label")} className="mt-4 flex items-center justify-between gap-4">
            <div>
              {page.previousCursor && (
                <Link href={queueHref(view, { before: page.previousCursor })} rel="prev" className={linkClass}>
                  <span aria-hidden="true">←</span>
                  {t("pagination.previous")}
                </Link>
              )}
            </div>
            <div>
              {page.nextCursor && (
                <Link href={queueHref(view, { after: page.nextCursor })} rel="next" className={linkClass}>
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
