import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { ChatWithSupportLink } from "@/ui/chat/chat-link";
import type { RequestListPage } from "@/server/requests/list-requests";
import { listHref, type ListView } from "./list-href";
import { ListControlsForm } from "./list-controls-form";
import { ListEmptyState } from "./list-empty-state";
import { resultCountLabel } from "./count-label";
import { ListPagination } from "./list-pagination";
import { RequestTable } from "./request-table";
import { ScopeNav } from "./scope-nav";
import { StatusTabs } from "./status-tabs";

export async function MyRequestsView({ page, now }: { page: RequestListPage; now: Date }) {
  const [t, tChat] = await Promise.all([getTranslations("myRequests"), getTranslations("chat")]);
  const view: ListView = page.view;
  const { requestedScope, onLaterPage } = page;
  const resultCount = resultCountLabel(page.counts.total, page.counts.before, page.items.length);
  return (
    <section aria-labelledby="my-requests-heading" className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 id="my-requests-heading" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <div className="flex flex-wrap items-center gap-3">
          <ChatWithSupportLink label={tChat("chatWithSupport")} />
          <Link
            href="/requests/new"
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            {t("newRequest")}
          </Link>
        </div>
      </div>

      <div>
        <ScopeNav view={view} scopes={page.scopes} />
        <p className="mt-2 text-sm text-slate-600">{t(`scopeDescriptions.${view.scope}`)}</p>
        {requestedScope !== view.scope && (
          <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("scopeUnavailable")}</p>
        )}
      </div>

      {/* Keyed by the view, so that after a link changes it the fields show the new choices. */}
      <ListControlsForm key={listHref(view)} view={view} />
      <StatusTabs view={view} statuses={page.counts.statuses} />

      <div>
        {view.q !== "" && <h2 className="mb-2 text-base font-semibold">{t("resultsFor", { query: view.q })}</h2>}
        {page.items.length > 0 && (
          <p data-testid="result-count" className="mb-2 text-sm tabular-nums text-slate-700">
            {t(`resultCount.${resultCount.key}`, resultCount.values)}
          </p>
        )}
        {page.items.length > 0 ? <RequestTable items={page.items} view={view} now={now} /> : <ListEmptyState view={view} onLaterPage={onLaterPage} />}
        <ListPagination view={view} previousCursor={page.previousCursor} nextCursor={page.nextCursor} />
      </div>
    </section>
  );
}
