import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { WebhookDeliveryPage } from "@/server/webhooks/console/deliveries";
import { cellClass, DataTable, rowClass } from "@/ui/data-table";
import { EmptyList } from "@/ui/empty-list";
import { KeysetPagination } from "@/ui/keyset-pagination";
import { focusRing } from "@/ui/styles";
import { DeliveryStatusBadge } from "./delivery-badge";
import { webhookDeliveryHref, webhookEndpointHref } from "./webhooks-href";

// An endpoint's delivery log: newest first, a page at a time; a row's time opens the delivery with
// its attempts, its payload and Redeliver.

export const linkClass = `rounded-sm font-medium text-indigo-700 hover:underline ${focusRing}`;

export async function DeliveryLog({ endpointId, page }: { endpointId: string; page: WebhookDeliveryPage }) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentWebhooks"), getLocale(), getTimeZone()]);
  const time = (instant: Date) => <time dateTime={instant.toISOString()}>{formatDateTime(instant, locale, timeZone)}</time>;
  const nothing: ReactNode = (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t("none")}</span>
    </>
  );
  const columns = [t("log.columns.time"), t("log.columns.event"), t("log.columns.request"), t("log.columns.status"), t("log.columns.attempts"), t("log.columns.code"), t("log.columns.finished")];
  return (
    <section aria-labelledby="delivery-log" className="space-y-3">
      <h2 id="delivery-log" className="text-lg font-semibold">
        {t("log.heading")}
      </h2>
      {page.deliveries.length === 0 ? (
        <EmptyList
          message={page.onLaterPage ? t("log.pageEmpty") : t("log.empty")}
          firstPage={page.onLaterPage ? { href: webhookEndpointHref(endpointId), label: t("log.firstPage") } : undefined}
        />
      ) : (
        <DataTable caption={t("log.caption")} columns={columns}>
              {page.deliveries.map((delivery) => (
                <tr key={delivery.id} className={rowClass}>
                  <th scope="row" className={`${cellClass} font-normal whitespace-nowrap`}>
                    <Link href={webhookDeliveryHref(endpointId, delivery.id)} aria-label={t("log.open", { event: delivery.event, time: formatDateTime(delivery.createdAt, locale, timeZone) })} className={linkClass}>
                      {time(delivery.createdAt)}
                    </Link>
                  </th>
                  <td className={cellClass}>
                    <code className="text-xs">{delivery.event}</code>
                  </td>
                  <td className={cellClass}>
                    {delivery.requestId === null ? (
                      nothing
                    ) : (
                      <Link href={`/agent/requests/${delivery.requestId}`} aria-label={t("requestLink", { id: String(delivery.requestId) })} className={linkClass}>
                        #{delivery.requestId}
                      </Link>
                    )}
                  </td>
                  <td className={cellClass}>
                    <DeliveryStatusBadge status={delivery.status} label={t(`statuses.${delivery.status}`)} />
                  </td>
                  <td className={`${cellClass} tabular-nums`}>{delivery.attempts}</td>
                  <td className={`${cellClass} tabular-nums`}>
                    {delivery.lastStatusCode ?? nothing}
                    {delivery.lastError && <span className="block max-w-xs text-xs break-words text-red-800">{delivery.lastError}</span>}
                  </td>
                  <td className={`${cellClass} whitespace-nowrap`}>
                    {delivery.deliveredAt ? time(delivery.deliveredAt) : delivery.status === "queued" ? <span className="text-xs text-slate-700">{t("log.nextAttempt")} {time(delivery.nextAttemptAt)}</span> : nothing}
                  </td>
                </tr>
              ))}
        </DataTable>
      )}
      <KeysetPagination
        label={t("log.pagination")}
        previous={t("log.previous")}
        next={t("log.next")}
        previousHref={page.previousCursor ? webhookEndpointHref(endpointId, { before: page.previousCursor }) : null}
        nextHref={page.nextCursor ? webhookEndpointHref(endpointId, { after: page.nextCursor }) : null}
      />
    </section>
  );
}
