import Link from "next/link";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { AccountRow, AccountsPage } from "@/server/accounts/list-accounts";
import type { FormAction } from "@/ui/form-state";
import { KeysetPagination } from "@/ui/keyset-pagination";
import { AccountStatusForm } from "./account-status-form";
import { PEOPLE_PATH, peopleHref } from "./people-href";
import { EmptyList } from "@/ui/empty-list";
import { focusRing } from "@/ui/styles";

const fieldClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40";
const BADGE = "inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

/** The agent console's People page: a search by email or name, and every account found, by email. */
export async function PeopleView({ page, statusAction }: { page: AccountsPage; statusAction: FormAction }) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentPeople"), getLocale(), getTimeZone()]);
  const { view } = page;

  const role = (account: AccountRow) => (
    <>
      {account.isAgent ? t("role.agent") : t("role.customer")}
      {(account.organizations.length > 0 || !account.isAgent) && (
        <span className="block text-xs text-slate-600">{account.organizations.length > 0 ? account.organizations.join(", ") : t("role.noOrganization")}</span>
      )}
    </>
  );

  return (
    <section aria-labelledby="people-heading" className="space-y-5">
      <h1 id="people-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>

      <form method="get" action={PEOPLE_PATH} role="search" aria-label={t("searchLabel")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <div className="min-w-64 flex-1">
          <label htmlFor="people-search" className="block text-sm font-medium">
            {t("searchLabel")}
          </label>
          <input id="people-search" type="search" name="q" defaultValue={view.q} maxLength={200} className={`${fieldClass} mt-1 w-full`} />
        </div>
        <button type="submit" className={`rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 ${focusRing}`}>
          {t("search")}
        </button>
        {view.q !== "" && (
          <Link href={PEOPLE_PATH} className={`rounded-sm px-2 py-2 text-sm font-medium text-indigo-700 hover:underline ${focusRing}`}>
            {t("clear")}
          </Link>
        )}
      </form>

      <div>
        {page.accounts.length > 0 ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">{view.q ? t("searchCaption", { query: view.q }) : t("caption")}</caption>
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.name")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.email")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.role")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.status")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.sessions")}</th>
                  <th scope="col" className="px-3 py-2 font-semibold">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {page.accounts.map((account) => (
                  <tr key={account.id} className="border-b border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">{account.name}</th>
                    <td className="px-3 py-2 break-all">{account.email}</td>
                    <td className="px-3 py-2">{role(account)}</td>
                    <td className="px-3 py-2">
                      {account.disabledAt ? (
                        <span className={`${BADGE} bg-red-50 text-red-800 ring-red-300`}>{t("status.disabled", { date: formatDateTime(account.disabledAt, locale, timeZone) })}</span>
                      ) : (
                        <span className={`${BADGE} bg-emerald-50 text-emerald-800 ring-emerald-300`}>{t("status.active")}</span>
                      )}
                    </td>
                    <td className="px-3 py-2 tabular-nums">{t("sessions", { count: account.liveSessions })}</td>
                    <td className="px-3 py-2">
                      {account.changeable ? (
                        <AccountStatusForm
                          accountId={account.id}
                          disabled={account.disabledAt !== null}
                          action={statusAction}
                          labels={{
                            disable: t("disable"),
                            disableConfirm: t("disableConfirm", { name: account.name }),
                            disableSubmit: t("disableSubmit"),
                            disableLabel: t("disableLabel", { name: account.name }),
                            disabling: t("disabling"),
                            enable: t("enable"),
                            enableLabel: t("enableLabel", { name: account.name }),
                            enabling: t("enabling"),
                          }}
                        />
                      ) : (
                        <span className="text-slate-600">{t("ownAccount")}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyList
            message={page.onLaterPage ? t("empty.pageEmpty") : view.q ? t("empty.noMatch", { query: view.q }) : t("empty.none")}
            firstPage={page.onLaterPage ? { href: peopleHref(view), label: t("empty.firstPage") } : undefined}
          />
        )}
        <KeysetPagination
          label={t("pagination.label")}
          previous={t("pagination.previous")}
          next={t("pagination.next")}
          previousHref={page.previousCursor ? peopleHref(view, { before: page.previousCursor }) : null}
          nextHref={page.nextCursor ? peopleHref(view, { after: page.nextCursor }) : null}
        />
      </div>
    </section>
  );
}
