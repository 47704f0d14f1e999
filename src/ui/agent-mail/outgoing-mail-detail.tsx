import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { OutgoingMailDetail } from "@/server/mail/console/get-outgoing-mail";
import type { FormAction } from "@/ui/form-state";
import { OutgoingStatusBadge } from "./mail-badges";
import { mailHref } from "./mail-href";
import { FactList, HeaderList, linkClass, RetryForm, SECTION } from "./mail-parts";

// One outgoing mail as it is sent: the headers, then the text part as plain text and the HTML part in
// a sandboxed frame — no scripts, no forms, an origin of its own, so nothing in it reaches the console.

type Fact = readonly [string, ReactNode];
export async function OutgoingMailDetailView({ mail, retryAction }: { mail: OutgoingMailDetail; retryAction: FormAction }) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentMail"), getLocale(), getTimeZone()]);
  const at = (instant: Date) => <time dateTime={instant.toISOString()}>{formatDateTime(instant, locale, timeZone)}</time>;
  const facts: Fact[] = [
    [t("outgoingDetail.status"), <OutgoingStatusBadge key="status" status={mail.status} label={t(`outgoing.statuses.${mail.status}`)} />],
    [t("outgoingDetail.kind"), t(`kinds.${mail.kind}`)],
    [t("outgoingDetail.created"), at(mail.createdAt)],
    ...(mail.sentAt ? [[t("outgoingDetail.sent"), at(mail.sentAt)] as Fact] : []),
    ...(mail.status === "queued" ? [[t("outgoingDetail.nextAttempt"), at(mail.nextAttemptAt)] as Fact] : []),
    [t("outgoingDetail.attempts"), <span key="attempts" className="tabular-nums">{mail.attempts}</span>],
    ...(mail.lastError ? [[t("outgoingDetail.lastError"), <span key="error" className="break-words text-red-800">{mail.lastError}</span>] as Fact] : []),
    ...(mail.requestId !== null
      ? [
          [
            t("outgoingDetail.request"),
            <Link key="request" href={`/agent/requests/${mail.requestId}`} className={linkClass}>
              #{mail.requestId}
            </Link>,
          ],
        ] as Fact[]
      : []),
  ];

  return (
    <article aria-labelledby="outgoing-mail-heading" className="space-y-5">
      <p>
        <Link href={mailHref({ view: "outgoing", status: "all" })} className={`text-sm ${linkClass}`}>
          <span aria-hidden="true">← </span>
          {t("outgoingDetail.back")}
        </Link>
      </p>
      <h1 id="outgoing-mail-heading" className="text-2xl font-semibold break-words">
        {mail.headers.find((header) => header.name === "Subject")?.value}
      </h1>
      {!mail.outgoingServer && <p className="max-w-3xl rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">{t("notSending")}</p>}

      <div className="grid gap-5 lg:grid-cols-3">
        <section aria-labelledby="outgoing-headers" className={`${SECTION} lg:col-span-2`}>
          <h2 id="outgoing-headers" className="text-lg font-semibold">
            {t("outgoingDetail.headers")}
          </h2>
          <HeaderList headers={mail.headers} />
        </section>
        <section aria-labelledby="outgoing-delivery" className={SECTION}>
          <h2 id="outgoing-delivery" className="text-lg font-semibold">
            {t("outgoingDetail.delivery")}
          </h2>
          <FactList facts={facts} />
          {mail.undeliverable && <p className="mt-3 text-sm text-amber-900">{t("outgoingDetail.undeliverable")}</p>}
          {(mail.retryable || mail.status === "queued" || mail.status === "kept") && (
            <div className="mt-3">
              <RetryForm action={retryAction} mailId={mail.id} address={mail.headers.find((header) => header.name === "To")?.value ?? ""} available={mail.retryable} />
            </div>
          )}
        </section>
      </div>

      <section aria-labelledby="outgoing-html" className={SECTION}>
        <h2 id="outgoing-html" className="text-lg font-semibold">
          {t("outgoingDetail.html")}
        </h2>
        {/* sandbox="": no scripts, no forms, no popups, and an opaque origin — the console's cookies and
            pages are out of its reach. The page's Content-Security-Policy applies inside it too. */}
        <iframe sandbox="" srcDoc={mail.html} title={t("outgoingDetail.htmlFrame")} referrerPolicy="no-referrer" className="mt-3 h-[32rem] w-full rounded border border-slate-200 bg-white" />
      </section>

      <section aria-labelledby="outgoing-text" className={SECTION}>
        <h2 id="outgoing-text" className="text-lg font-semibold">
          {t("outgoingDetail.text")}
        </h2>
        <pre className="mt-3 max-h-[32rem] overflow-auto whitespace-pre-wrap break-words rounded bg-slate-50 p-3 text-xs">{mail.text}</pre>
      </section>
    </article>
  );
}
