import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { WebhookDeliveryDetail } from "@/server/webhooks/console/deliveries";
import { cellClass, DataTable, rowClass } from "@/ui/data-table";
import type { FormAction } from "@/ui/form-state";
import { DeliveryStatusBadge } from "./delivery-badge";
import { linkClass } from "./delivery-log";
import { RedeliverForm } from "./redeliver-form";
import { webhookEndpointHref } from "./webhooks-href";

// One delivery: what was sent, each attempt and what the receiver answered, and Redeliver. What the
// receiver answered and the payload are shown as text (React escapes them), never as markup.

const SECTION = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm";

type Fact = readonly [string, ReactNode];

export async function DeliveryDetailView({ delivery, redeliverAction }: { delivery: WebhookDeliveryDetail; redeliverAction: FormAction }) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentWebhooks"), getLocale(), getTimeZone()]);
  const at = (instant: Date) => <time dateTime={instant.toISOString()}>{formatDateTime(instant, locale, timeZone)}</time>;
  const facts: Fact[] = [
    [t("delivery.status"), <DeliveryStatusBadge key="status" status={delivery.status} label={t(`statuses.${delivery.status}`)} />],
    [t("delivery.event"), <code key="event" className="text-xs">{delivery.event}</code>],
    [t("delivery.messageId"), <code key="message" className="text-xs break-all">{delivery.messageId}</code>],
    [t("delivery.created"), at(delivery.createdAt)],
    ...(delivery.deliveredAt ? [[t("delivery.delivered"), at(delivery.deliveredAt)] as Fact] : []),
    ...(delivery.status === "queued" ? [[t("delivery.nextAttempt"), at(delivery.nextAttemptAt)] as Fact] : []),
    [t("delivery.attempts"), <span key="attempts" className="tabular-nums">{delivery.attempts}</span>],
    ...(delivery.requestId !== null
      ? [
          [
            t("delivery.request"),
            <Link key="request" href={`/agent/requests/${delivery.requestId}`} className={linkClass}>
              #{delivery.requestId}
            </Link>,
          ] as Fact,
        ]
      : []),
  ];
  const columns = [t("attempts.columns.number"), t("attempts.columns.time"), t("attempts.columns.code"), t("attempts.columns.duration"), t("attempts.columns.answer")];

  return (
    <article aria-labelledby="delivery-heading" className="space-y-5">
      <p>
        <Link href={webhookEndpointHref(delivery.endpointId)} className={`text-sm ${linkClass}`}>
          <span aria-hidden="true">← </span>
          {t("delivery.back")}
        </Link>
      </p>
      <h1 id="delivery-heading" className="text-2xl font-semibold break-words">
        {t("delivery.heading", { event: delivery.event })}
      </h1>

      <div className="grid gap-5 lg:grid-cols-3">
        <section aria-labelledby="delivery-facts" className={SECTION}>
          <h2 id="delivery-facts" className="text-lg font-semibold">
            {t("delivery.factsHeading")}
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs font-medium text-slate-600">{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <div className="mt-4">
            <RedeliverForm
              action={redeliverAction}
              endpointId={delivery.endpointId}
              deliveryId={delivery.id}
              labels={{ submit: t("redeliver.submit"), pending: t("redeliver.pending"), hint: t("redeliver.hint") }}
            />
          </div>
        </section>

        <section aria-labelledby="delivery-attempts" className={`${SECTION} lg:col-span-2`}>
          <h2 id="delivery-attempts" className="text-lg font-semibold">
            {t("attempts.heading")}
          </h2>
          {delivery.attemptLog.length === 0 ? (
            <p className="mt-3 text-sm text-slate-700">{t("attempts.none")}</p>
          ) : (
            <div className="mt-3">
              <DataTable caption={t("attempts.caption")} columns={columns}>
                  {delivery.attemptLog.map((attempt) => (
                    <tr key={attempt.number} className={rowClass}>
                      <th scope="row" className={`${cellClass} font-normal tabular-nums`}>
                        {attempt.number}
                      </th>
                      <td className={`${cellClass} whitespace-nowrap`}>{at(attempt.at)}</td>
                      <td className={`${cellClass} tabular-nums`}>{attempt.statusCode ?? t("attempts.noAnswer")}</td>
                      <td className={`${cellClass} tabular-nums whitespace-nowrap`}>{t("attempts.duration", { ms: attempt.durationMs })}</td>
                      <td className={cellClass}>
                        {attempt.error && <p className="text-xs break-words text-red-800">{attempt.error}</p>}
                        {attempt.responseBody && (
                          <pre className="mt-1 max-h-40 max-w-xl overflow-auto rounded bg-slate-50 p-2 text-xs whitespace-pre-wrap break-words">{attempt.responseBody}</pre>
                        )}
                      </td>
                    </tr>
                  ))}
              </DataTable>
            </div>
          )}
        </section>
      </div>

      <section aria-labelledby="delivery-payload" className={SECTION}>
        <h2 id="delivery-payload" className="text-lg font-semibold">
          {t("delivery.payload")}
        </h2>
        {/* Scrolls within itself, reachable by keyboard. */}
        <pre tabIndex={0} className="mt-3 max-h-[32rem] overflow-auto rounded bg-slate-50 p-3 text-xs whitespace-pre-wrap break-words">
          {delivery.payload}
        </pre>
      </section>
    </article>
  );
}
