import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import { INCOMING_MAIL_FILTERS, MAIL_VIEWS, OUTGOING_MAIL_FILTERS, type MailView } from "@/schemas/agent-mail";
import type { IncomingMailPage } from "@/server/mail/console/list-incoming-mail";
import type { OutgoingMailPage } from "@/server/mail/console/list-outgoing-mail";
import type { UndeliverablePage } from "@/server/mail/console/list-undeliverable";
import { DataTable, rowClass } from "@/ui/data-table";
import { EmptyList } from "@/ui/empty-list";
import type { FormAction } from "@/ui/form-state";
import { focusRing } from "@/ui/styles";
import { IncomingStatusBadge, OutgoingStatusBadge } from "./mail-badges";
import { incomingMailHref, mailHref, outgoingMailHref } from "./mail-href";
import { MailActionForm } from "./mail-action-form";
import { FilteredMailList, MailPagination } from "./mail-list";
import { DiscardForm, linkClass, RetryForm } from "./mail-parts";
import { mailReason } from "./mail-reason";

// The agent console's Mail page: three sections as tabs (links, so each is a URL), each a keyset-paged
// list. Outgoing and incoming lists filter by state; a row's subject opens the mail itself.

export type MailSection =
  | { view: "outgoing"; page: OutgoingMailPage; retryAction: FormAction }
  | { view: "incoming"; page: IncomingMailPage; discardAction: FormAction }
  | { view: "undeliverable"; page: UndeliverablePage; clearAction: FormAction };

export async function MailPageView({ section, outgoingServer }: { section: MailSection; outgoingServer: boolean }) {
  const t = await getTranslations("agentMail");
  const current = section.view;
  const tabHref = (view: MailView): string => mailHref(view === "outgoing" ? { view, status: "all" } : view === "incoming" ? { view, status: "held" } : { view });

  return (
    <section aria-labelledby="mail-heading" className="space-y-5">
      <h1 id="mail-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      {!outgoingServer && <p className="max-w-3xl rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">{t("notSending")}</p>}

      <nav aria-label={t("tabs.label")} className="border-b border-slate-200">
        <ul className="-mb-px flex flex-wrap gap-1">
          {MAIL_VIEWS.map((view) => (
            <li key={view}>
              <Link
                href={tabHref(view)}
                aria-current={view === current ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${focusRing} ${view === current ? "border-indigo-600 text-indigo-800" : "border-transparent text-slate-700 hover:border-slate-300"}`}
              >
                {t(`tabs.${view}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {section.view === "outgoing" ? <OutgoingList page={section.page} retryAction={section.retryAction} /> : null}
      {section.view === "incoming" ? <IncomingList page={section.page} discardAction={section.discardAction} /> : null}
      {section.view === "undeliverable" ? <UndeliverableList page={section.page} clearAction={section.clearAction} /> : null}
    </section>
  );
}

async function listText() {
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentMail"), getLocale(), getTimeZone()]);
  const time = (instant: Date) => <time dateTime={instant.toISOString()}>{formatDateTime(instant, locale, timeZone)}</time>;
  const nothing: ReactNode = (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t("none")}</span>
    </>
  );
  const requestLink = (id: number | null) =>
    id === null ? (
      nothing
    ) : (
      <Link href={`/agent/requests/${id}`} aria-label={t("requestLink", { id: String(id) })} className={linkClass}>
        #{id}
      </Link>
    );
  return { t, time, nothing, requestLink };
}

async function OutgoingList({ page, retryAction }: { page: OutgoingMailPage; retryAction: FormAction }) {
  const { t, time, nothing, requestLink } = await listText();
  return (
    <FilteredMailList
      page={page}
      statuses={OUTGOING_MAIL_FILTERS}
      statusName={(status) => t(`outgoing.statuses.${status}`)}
      href={(status, cursor) => mailHref({ view: "outgoing", status }, cursor)}
      caption={t("outgoing.caption")}
      columns={[
        t("outgoing.columns.time"),
        t("outgoing.columns.status"),
        t("outgoing.columns.kind"),
        t("outgoing.columns.to"),
        t("outgoing.columns.subject"),
        t("outgoing.columns.request"),
        t("outgoing.columns.delivery"),
        t("outgoing.columns.actions"),
      ]}
      empty={{ none: t("outgoing.empty.none"), noMatch: t("outgoing.empty.noMatch"), pageEmpty: t("outgoing.empty.pageEmpty"), firstPage: t("outgoing.empty.firstPage") }}
      rows={page.mails.map((mail) => (
        <tr key={mail.id} className={rowClass}>
          <td className="px-3 py-2 whitespace-nowrap">{time(mail.createdAt)}</td>
          <td className="px-3 py-2">
            <OutgoingStatusBadge status={mail.status} label={t(`outgoing.statuses.${mail.status}`)} />
          </td>
          <td className="px-3 py-2">{t(`kinds.${mail.kind}`)}</td>
          <td className="px-3 py-2 break-all">{mail.toAddress}</td>
          <th scope="row" className="px-3 py-2 font-normal">
            <Link href={outgoingMailHref(mail.id)} className={linkClass}>
              {mail.subject}
            </Link>
          </th>
          <td className="px-3 py-2">{requestLink(mail.requestId)}</td>
          <td className="px-3 py-2">
            <span className="tabular-nums">{t("outgoing.attempts", { count: mail.attempts })}</span>
            {mail.lastError && <span className="block max-w-xs text-xs break-words text-red-800">{mail.lastError}</span>}
          </td>
          <td className="px-3 py-2">
            <RetryForm action={retryAction} mailId={mail.id} address={mail.toAddress} available={mail.retryable} placeholder={nothing} />
          </td>
        </tr>
      ))}
    />
  );
}

async function IncomingList({ page, discardAction }: { page: IncomingMailPage; discardAction: FormAction }) {
  const { t, time, nothing, requestLink } = await listText();
  const tRoot = await getTranslations();
  return (
    <FilteredMailList
      page={page}
      statuses={INCOMING_MAIL_FILTERS}
      statusName={(status) => t(`incoming.statuses.${status}`)}
      href={(status, cursor) => mailHref({ view: "incoming", status }, cursor)}
      caption={t("incoming.caption")}
      columns={[
        t("incoming.columns.time"),
        t("incoming.columns.from"),
        t("incoming.columns.subject"),
        t("incoming.columns.status"),
        t("incoming.columns.reason"),
        t("incoming.columns.request"),
        t("outgoing.columns.actions"),
      ]}
      empty={{ none: t("incoming.empty.none"), noMatch: t("incoming.empty.noMatch"), pageEmpty: t("incoming.empty.pageEmpty"), firstPage: t("incoming.empty.firstPage") }}
      rows={page.mails.map((mail) => {
        const sender = mail.fromAddress ?? t("incoming.unknownSender");
        const reason = mailReason(tRoot, mail);
        return (
          <tr key={mail.id} className={rowClass}>
            <td className="px-3 py-2 whitespace-nowrap">{time(mail.receivedAt)}</td>
            <td className="px-3 py-2 break-all">
              {mail.fromName && <span className="block break-normal">{mail.fromName}</span>}
              <span className={mail.fromName ? "text-xs text-slate-600" : undefined}>{sender}</span>
            </td>
            <th scope="row" className="px-3 py-2 font-normal">
              <Link href={incomingMailHref(mail.id)} className={linkClass}>
                {mail.subject || t("incoming.noSubject")}
              </Link>
            </th>
            <td className="px-3 py-2">
              <IncomingStatusBadge status={mail.status} label={t(`incoming.statuses.${mail.status}`)} />
            </td>
            <td className="px-3 py-2 max-w-xs break-words">{reason ?? nothing}</td>
            <td className="px-3 py-2">{requestLink(mail.requestId)}</td>
            <td className="px-3 py-2">
              <DiscardForm action={discardAction} mailId={mail.id} sender={sender} available={mail.actionable} placeholder={nothing} />
            </td>
          </tr>
        );
      })}
    />
  );
}

async function UndeliverableList({ page, clearAction }: { page: UndeliverablePage; clearAction: FormAction }) {
  const { t, time, nothing } = await listText();
  const view = { view: "undeliverable" } as const;
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">{t("undeliverable.intro")}</p>
      {page.addresses.length > 0 ? (
        <DataTable
          caption={t("undeliverable.caption")}
          columns={[
            t("undeliverable.columns.address"),
            t("undeliverable.columns.reason"),
            t("undeliverable.columns.since"),
            t("undeliverable.columns.mail"),
            t("undeliverable.columns.actions"),
          ]}
        >
          {page.addresses.map((row) => (
            <tr key={row.address} className={rowClass}>
              <th scope="row" className="px-3 py-2 font-medium break-all">{row.address}</th>
              <td className="px-3 py-2 max-w-md break-words">{row.reason}</td>
              <td className="px-3 py-2 whitespace-nowrap">{time(row.markedAt)}</td>
              <td className="px-3 py-2">
                {row.mailId ? (
                  <Link href={outgoingMailHref(row.mailId)} className={linkClass}>
                    {t("undeliverable.viewMail")}
                  </Link>
                ) : (
                  nothing
                )}
              </td>
              <td className="px-3 py-2">
                <MailActionForm
                  action={clearAction}
                  fields={{ address: row.address }}
                  labels={{
                    submit: t("undeliverable.clear"),
                    submitLabel: t("undeliverable.clearLabel", { address: row.address }),
                    pending: t("undeliverable.clearing"),
                    confirm: { question: t("undeliverable.clearConfirm", { address: row.address }), submit: t("undeliverable.clearSubmit") },
                  }}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      ) : (
        <EmptyList
          message={page.onLaterPage ? t("undeliverable.empty.pageEmpty") : t("undeliverable.empty.none")}
          firstPage={page.onLaterPage ? { href: mailHref(view), label: t("undeliverable.empty.firstPage") } : undefined}
        />
      )}
      <MailPagination page={page} href={(cursor) => mailHref(view, cursor)} />
    </div>
  );
}
