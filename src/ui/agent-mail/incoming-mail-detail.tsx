import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { IncomingMailDetail } from "@/server/mail/console/get-incoming-mail";
import { RAW_SHOWN_BYTES } from "@/server/mail/console/get-incoming-mail";
import { formatBytes } from "@/ui/attachments/bytes";
import type { FormAction } from "@/ui/form-state";
import { HeldMailRequestForm } from "./held-mail-request-form";
import { IncomingStatusBadge } from "./mail-badges";
import { incomingRawHref, mailHref } from "./mail-href";
import { mailReason } from "./mail-reason";
import { DiscardForm, FactList, HeaderList, linkClass, SECTION } from "./mail-parts";

// One incoming mail as it came: the headers read from the message, what became of it, its source as
// text (React escapes it; nothing in it is rendered) and the whole message to download.

type Fact = readonly [string, ReactNode];
export async function IncomingMailDetailView(props: { mail: IncomingMailDetail; discardAction: FormAction; createRequestAction: FormAction }) {
  const { mail } = props;
  const [t, tRoot, locale, timeZone] = await Promise.all([getTranslations("agentMail"), getTranslations(), getLocale(), getTimeZone()]);
  const at = (instant: Date) => <time dateTime={instant.toISOString()}>{formatDateTime(instant, locale, timeZone)}</time>;
  const reason = mailReason(tRoot, mail);
  const sender = mail.fromAddress ?? t("incoming.unknownSender");
  const facts: Fact[] = [
    [t("incomingDetail.status"), <IncomingStatusBadge key="status" status={mail.status} label={t(`incoming.statuses.${mail.status}`)} />],
    ...(reason ? [[t("incomingDetail.reason"), <span key="reason" className="break-words">{reason}</span>] as Fact] : []),
    [t("incomingDetail.received"), at(mail.receivedAt)],
    [t("incomingDetail.transport"), mail.transport],
    [t("incomingDetail.size"), formatBytes(mail.byteSize, locale)],
    ...(mail.requestId !== null
      ? [
          [
            t("incomingDetail.request"),
            <Link key="request" href={`/agent/requests/${mail.requestId}${mail.commentId ? `#comment-${mail.commentId}` : ""}`} className={linkClass}>
              #{mail.requestId}
            </Link>,
          ],
        ] as Fact[]
      : []),
    ...(mail.handledAt && mail.handledBy ? [[t("incomingDetail.handledBy"), t("incomingDetail.handled", { name: mail.handledBy, date: formatDateTime(mail.handledAt, locale, timeZone) })] as Fact] : []),
  ];

  return (
    <article aria-labelledby="incoming-mail-heading" className="space-y-5">
      <p>
        <Link href={mailHref({ view: "incoming", status: mail.status === "held" || mail.status === "received" ? "held" : mail.status })} className={`text-sm ${linkClass}`}>
          <span aria-hidden="true">← </span>
          {t("incomingDetail.back")}
        </Link>
      </p>
      <h1 id="incoming-mail-heading" className="text-2xl font-semibold break-words">
        {mail.subject || t("incoming.noSubject")}
      </h1>

      <div className="grid gap-5 lg:grid-cols-3">
        <section aria-labelledby="incoming-headers" className={`${SECTION} lg:col-span-2`}>
          <h2 id="incoming-headers" className="text-lg font-semibold">
            {t("incomingDetail.headers")}
          </h2>
          {mail.headers.length > 0 ? (
            <HeaderList headers={mail.headers} />
          ) : (
            <p className="mt-3 text-sm text-slate-700">{t("incomingDetail.noHeaders")}</p>
          )}
          <p className="mt-4">
            <a href={incomingRawHref(mail.id)} download className={`text-sm ${linkClass}`}>
              {t("incomingDetail.download")}
            </a>
          </p>
        </section>
        <section aria-labelledby="incoming-facts" className={SECTION}>
          <h2 id="incoming-facts" className="text-lg font-semibold">
            {t("incomingDetail.facts")}
          </h2>
          <FactList facts={facts} />
          {(mail.actionable || mail.status === "discarded") && (
            <div className="mt-3">
              <DiscardForm action={props.discardAction} mailId={mail.id} sender={sender} available={mail.actionable} />
            </div>
          )}
        </section>
      </div>

      {/* Only a held mail: one that could not be read has no text to make a request of. */}
      {mail.status === "held" && (
        <HeldMailRequestForm
          action={props.createRequestAction}
          inboundMailId={mail.id}
          senderAddress={mail.fromAddress ?? ""}
          labels={{ heading: t("actions.createRequest"), email: t("actions.requesterEmail"), hint: t("actions.requesterHint"), submit: t("actions.createSubmit"), pending: t("actions.creating") }}
        />
      )}

      <section aria-labelledby="incoming-source" className={SECTION}>
        <h2 id="incoming-source" className="text-lg font-semibold">
          {t("incomingDetail.source")}
        </h2>
        {mail.sourceTruncated && (
          <p className="mt-2 text-sm text-slate-700">{t("incomingDetail.truncated", { size: formatBytes(RAW_SHOWN_BYTES, locale), total: formatBytes(mail.byteSize, locale) })}</p>
        )}
        <pre className="mt-3 max-h-[40rem] overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-3 text-xs">{mail.source}</pre>
      </section>
    </article>
  );
}
