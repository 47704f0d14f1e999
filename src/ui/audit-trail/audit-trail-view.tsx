import Link from "next/link";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import { AUDIT_EVENT_TYPES } from "@/schemas/audit-trail";
import type { AuditDetail, AuditPerson, AuditTrailPage, WebhookAuditAction } from "@/server/accounts/list-audit-trail";
import { SelectField } from "@/ui/choice-group";
import { KeysetPagination } from "@/ui/keyset-pagination";
import { AUDIT_PATH, auditHref, isAuditFiltered } from "./audit-href";
import { EmptyList } from "@/ui/empty-list";
import { focusRing } from "@/ui/styles";

const fieldClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40";

/**
 * The agent console's audit trail: newest first, filtered by kind of event and by a person's
 * email. Read-only by design — there is nothing here to change or remove an event with.
 */
export async function AuditTrailView({ page }: { page: AuditTrailPage }) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentAudit"), getLocale(), getTimeZone()]);
  const { view } = page;
  const at = (instant: Date) => formatDateTime(instant, locale, timeZone);
  const nobody = (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t("nobody")}</span>
    </>
  );

  const person = (who: AuditPerson | null) =>
    who ? (
      <>
        {who.name}
        <span className="block text-xs break-all text-slate-600">{who.email}</span>
      </>
    ) : (
      nobody
    );

  const details = (detail: AuditDetail) => {
    const parts: string[] = [];
    if (detail.locked) parts.push(t("detail.locked"));
    if (detail.sessionsEnded !== undefined) parts.push(t("detail.sessionsEnded", { count: detail.sessionsEnded }));
    if (detail.method) parts.push(detail.method === "credentials" ? t("detail.methodPassword") : t("detail.methodSingleSignOn"));
    if (detail.retryAt) parts.push(t("detail.retryAt", { date: at(detail.retryAt) }));
    if (detail.organization) parts.push(t("detail.organization", { name: detail.organization }));
    if (detail.tokenName) parts.push(t("detail.token", { name: detail.tokenName, access: detail.access === "write" ? t("detail.readWrite") : t("detail.readOnly") }));
    if (detail.webhookAction && detail.url) parts.push(t("detail.webhook", { action: t(`detail.webhookActions.${detail.webhookAction satisfies WebhookAuditAction}`), url: detail.url }));
    return parts.length > 0 ? parts.join(" · ") : nobody;
  };

  return (
    <section aria-labelledby="audit-heading" className="space-y-5">
      <h1 id="audit-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>

      {/* Keyed by the view, so that after a link changes it the fields show the new choices. */}
      <form key={auditHref(view)} method="get" action={AUDIT_PATH} role="search" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-56">
          <SelectField
            id="audit-type"
            name="type"
            label={t("filters.type")}
            defaultValue={view.type ?? ""}
            options={[{ value: "", label: t("filters.anyType") }, ...AUDIT_EVENT_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))]}
          />
        </div>
        <div className="min-w-64 flex-1">
          <label htmlFor="audit-person" className="block text-sm font-medium">
            {t("filters.person")}
          </label>
          <input id="audit-person" type="search" name="q" defaultValue={view.q} maxLength={200} aria-describedby="audit-person-hint" className={`${fieldClass} mt-1 w-full`} />
        </div>
        <button type="submit" className={`rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 ${focusRing}`}>
          {t("filters.apply")}
        </button>
        {isAuditFiltered(view) && (
          <Link href={AUDIT_PATH} className={`rounded-sm px-2 py-2 text-sm font-medium text-indigo-700 hover:underline ${focusRing}`}>
            {t("filters.clear")}
          </Link>
        )}
        <p id="audit-person-hint" className="w-full text-xs text-slate-600">
          {t("filters.personHint")}
        </p>
      </form>

      <div>
        {page.entries.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{t("caption")}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.time")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.event")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.actor")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.subject")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.email")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.client")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.detail")}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((entry) => (
                  <tr key={entry.id} className="border-b border-slate-200 align-top">
                    <td className="px-3 py-2 whitespace-nowrap">
                      <time dateTime={entry.at.toISOString()}>{at(entry.at)}</time>
                    </td>
                    <th scope="row" className="px-3 py-2 font-medium">{t(`types.${entry.type}`)}</th>
                    <td className="px-3 py-2">{person(entry.actor)}</td>
                    <td className="px-3 py-2">{person(entry.subject)}</td>
                    <td className="px-3 py-2 break-all">{entry.email ?? nobody}</td>
                    <td className="px-3 py-2 font-mono text-xs">{entry.clientAddress ?? nobody}</td>
                    <td className="px-3 py-2">{details(entry.detail)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyList
            message={page.onLaterPage ? t("empty.pageEmpty") : isAuditFiltered(view) ? t("empty.noMatch") : t("empty.none")}
            firstPage={page.onLaterPage ? { href: auditHref(view), label: t("empty.firstPage") } : undefined}
          />
        )}
        <KeysetPagination
          label={t("pagination.label")}
          previous={t("pagination.previous")}
          next={t("pagination.next")}
          previousHref={page.previousCursor ? auditHref(view, { before: page.previousCursor }) : null}
          nextHref={page.nextCursor ? auditHref(view, { after: page.nextCursor }) : null}
        />
      </div>
    </section>
  );
}
