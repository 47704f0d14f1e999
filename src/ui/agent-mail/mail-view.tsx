import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { formatDateTime } from "@/i18n/format";
import { INCOMING_MAIL_FILTERS, MAIL_VIEWS, OUTGOING_MAIL_FILTERS, type MailView } from "@/schemas/agent-mail";
import type { IncomingMailPage } from "@/server/mail/console/list-incoming-mail";
import type { OutgoingMailPage } from "@/server/mail/console/list-outgoing-mail";
import type { UndeliverablePage } from "@/server/mail/console/list-undeliverable";
import { EmptyList } from "@/ui/empty-list";
import type { FormAction } from "@/ui/form-state";
import { KeysetPagination } from "@/ui/keyset-pagination";
import { focusRing } from "@/ui/styles";
import { IncomingStatusBadge, OutgoingStatusBadge } from "./mail-badges";
import { incomingMailHref, mailHref, outgoingMailHref, type MailListView } from "./mail-href";
import { MailActionForm } from "./mail-action-form";
import { DiscardForm, linkClass, RetryForm } from "./mail-parts";
import { mailReason } from "./mail-reason";

// The agent console's Mail page: three sections as tabs (links, so each is a URL), each a keyset-paged
// list. Outgoing and incoming lists filter by state; a row's subject opens the mail itself.

export type MailSection =
  | { view: "outgoing"; page: OutgoingMailPage; retryAction: FormAction }
  | { view: "incoming"; page: IncomingMailPage; discardAction: FormAction }
  | { view: "undeliverable"; page: UndeliverablePage; clearAction: FormAction };

const TH = "px-3 py-2 font-semibold";

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

/** The status filter: one link per choice, the current one marked. */
function StatusFilter<Status extends string>(props: { label: string; choices: readonly Status[]; current: Status; name: (status: Status) => string; href: (status: Status) => string }) {
  return (
    <nav aria-label={props.label}>
      <ul className="flex flex-wrap gap-2">
        {props.choices.map((status) => (
          <li key={status}>
            <Link
              href={props.href(status)}
              aria-current={status === props.current ? "true" : undefined}
              className={`inline-block rounded-full px-3 py-1 text-sm ring-1 ring-inset ${focusRing} ${status === props.current ? "bg-indigo-600 font-medium text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {props.name(status)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Pagination({ labels, page, view }: { labels: { label: string; previous: string; next: string }; page: { previousCursor: string | null; nextCursor: string | null }; view: MailListView }) {
  return (
    <KeysetPagination
      {...labels}
      previousHref={page.previousCursor ? mailHref(view, { before: page.previousCursor }) : null}
      nextHref={page.nextCursor ? mailHref(view, { after: page.nextCursor }) : null}
    />
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
  const pagination = { label: t("pagination.label"), previous: t("pagination.previous"), next: t("pagination.next") };
  return { t, time, nothing, requestLink, pagination };
}

async function OutgoingList({ page, retryAction }: { page: OutgoingMailPage; retryAction: FormAction }) {
  const { t, time, nothing, requestLink, pagination } = await listText();
  const view = { view: "outgoing", status: page.view.status } as const;
  return (
    <div className="space-y-4">
      <StatusFilter
        label={t("filters.label")}
        choices={OUTGOING_MAIL_FILTERS}
        current={page.view.status}
        name={(status) => (status === "all" ? t("filters.all") : t(`outgoing.statuses.${status}`))}
        href={(status) => mailHref({ view: "outgoing", status })}
      />
      {page.mails.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("outgoing.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className={TH}>{t("outgoing.columns.time")}</th>
                <th scope="col" className={TH}>{t("outgoing.columns.status")}</th>
                <th scope="col" className={TH}>{t("outgoing.columns.kind")}</th>
                <th scope="col" className={TH}>{t("outgoing.columns.to")}</th>
                <th scope="col" className={TH}>{t("outgoing.columns.subject")}</th>
                <th scope="col" className={TH}>{t("outgoing.columns.request")}</th>
                <th scope="col" className={TH}>{t("outgoing.columns.delivery")}</th>
                <th scope="col" className={TH}>{t("outgoing.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {page.mails.map((mail) => (
                <tr key={mail.id} className="border-b border-slate-200 align-top">
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
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyList
          message={page.onLaterPage ? t("outgoing.empty.pageEmpty") : page.view.status === "all" ? t("outgoing.empty.none") : t("outgoing.empty.noMatch")}
          firstPage={page.onLaterPage ? { href: mailHref(view), label: t("outgoing.empty.firstPage") } : undefined}
        />
      )}
      <Pagination labels={pagination} page={page} view={view} />
    </div>
  );
}

async function IncomingList({ page, discardAction }: { page: IncomingMailPage; discardAction: FormAction }) {
  const { t, time, nothing, requestLink, pagination } = await listText();
  const tRoot = await getTranslations();
  const view = { view: "incoming", status: page.view.status } as const;
  return (
    <div className="space-y-4">
      <StatusFilter
        label={t("filters.label")}
        choices={INCOMING_MAIL_FILTERS}
        current={page.view.status}
        name={(status) => (status === "all" ? t("filters.all") : t(`incoming.statuses.${status}`))}
        href={(status) => mailHref({ view: "incoming", status })}
      />
      {page.mails.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("incoming.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className={TH}>{t("incoming.columns.time")}</th>
                <th scope="col" className={TH}>{t("incoming.columns.from")}</th>
                <th scope="col" className={TH}>{t("incoming.columns.subject")}</th>
                <th scope="col" className={TH}>{t("incoming.columns.status")}</th>
                <th scope="col" className={TH}>{t("incoming.columns.reason")}</th>
                <th scope="col" className={TH}>{t("incoming.columns.request")}</th>
                <th scope="col" className={TH}>{t("outgoing.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {page.mails.map((mail) => {
                const sender = mail.fromAddress ?? t("incoming.unknownSender");
                const reason = mailReason(tRoot, mail);
                return (
                  <tr key={mail.id} className="border-b border-slate-200 align-top">
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
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyList
          message={page.onLaterPage ? t("incoming.empty.pageEmpty") : page.view.status === "all" ? t("incoming.empty.none") : t("incoming.empty.noMatch")}
          firstPage={page.onLaterPage ? { href: mailHref(view), label: t("incoming.empty.firstPage") } : undefined}
        />
      )}
      <Pagination labels={pagination} page={page} view={view} />
    </div>
  );
}

async function UndeliverableList({ page, clearAction }: { page: UndeliverablePage; clearAction: FormAction }) {
  const { t, time, nothing, pagination } = await listText();
  const view = { view: "undeliverable" } as const;
  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">{t("undeliverable.intro")}</p>
      {page.addresses.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">{t("undeliverable.caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-slate-700">
                <th scope="col" className={TH}>{t("undeliverable.columns.address")}</th>
                <th scope="col" className={TH}>{t("undeliverable.columns.reason")}</th>
                <th scope="col" className={TH}>{t("undeliverable.columns.since")}</th>
                <th scope="col" className={TH}>{t("undeliverable.columns.mail")}</th>
                <th scope="col" className={TH}>{t("undeliverable.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {page.addresses.map((row) => (
                <tr key={row.address} className="border-b border-slate-200 align-top">
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
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyList
          message={page.onLaterPage ? t("undeliverable.empty.pageEmpty") : t("undeliverable.empty.none")}
          firstPage={page.onLaterPage ? { href: mailHref(view), label: t("undeliverable.empty.firstPage") } : undefined}
        />
      )}
      <Pagination labels={pagination} page={page} view={view} />
    </div>
  );
}
