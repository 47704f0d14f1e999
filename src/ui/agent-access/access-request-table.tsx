import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import type { ApprovalState } from "@/domain";
import { formatDateTime } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import type { AccessGrantRow, AccessRequestRow } from "@/server/organization-access/list-organization-access";

// Each state has its own colour, but the words always say it: colour is never the only cue.
const APPROVAL_STYLES = {
  pending: "bg-amber-50 text-amber-900 ring-amber-300",
  approved: "bg-sky-50 text-sky-800 ring-sky-300",
  not_required: "bg-slate-50 text-slate-800 ring-slate-300",
  declined: "bg-red-50 text-red-800 ring-red-300",
} as const satisfies Record<ApprovalState, string>;

const BADGE = "inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";
const BUTTON =
  "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

type FormAction = (formData: FormData) => Promise<void>;

export async function AccessRequestTable({ requests, grantAction, revokeAction }: { requests: AccessRequestRow[]; grantAction: FormAction; revokeAction: FormAction }) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("agentAccess"), getLocale(), getTimeZone()]);
  const date = (instant: Date) => formatDateTime(instant, locale as Locale, timeZone);
  const unknown = t("unknownPerson");

  const grantBadge = (grant: AccessGrantRow) => {
    if (grant.revokedAt) return <span className={`${BADGE} bg-slate-100 text-slate-800 ring-slate-300`}>{t("state.revoked", { date: date(grant.revokedAt), name: grant.revokedBy ?? unknown })}</span>;
    if (!grant.active && grant.expiresAt) return <span className={`${BADGE} bg-slate-100 text-slate-800 ring-slate-300`}>{t("state.expired", { date: date(grant.expiresAt) })}</span>;
    return <span className={`${BADGE} bg-emerald-50 text-emerald-800 ring-emerald-300`}>{t("state.granted", { date: date(grant.grantedAt), name: grant.grantedBy })}</span>;
  };

  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="px-3 py-2 font-semibold">{t("columns.requester")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("columns.organization")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("columns.requested")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("columns.state")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("columns.note")}</th>
            <th scope="col" className="px-3 py-2 font-semibold">{t("columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => {
            const approver = request.approverName ?? unknown;
            const subject = { name: request.requester.name, organization: request.organizationName };
            const activeGrants = request.grants.filter((grant) => grant.active);
            return (
              <tr key={request.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2 font-medium">
                  {request.requester.name}
                  <span className="block font-normal text-slate-600">{request.requester.email}</span>
                </th>
                <td className="px-3 py-2">{request.organizationName}</td>
                <td className="px-3 py-2 whitespace-nowrap">{date(request.createdAt)}</td>
                <td className="px-3 py-2">
                  <ul className="space-y-1">
                    <li>
                      <span className={`${BADGE} ${APPROVAL_STYLES[request.approvalState]}`}>
                        {request.approvalState === "not_required" ? t("state.not_required") : t(`state.${request.approvalState}`, { name: approver })}
                      </span>
                      {request.decidedAt && <span className="block text-xs text-slate-600">{t("state.decidedAt", { date: date(request.decidedAt) })}</span>}
                    </li>
                    {request.grants.map((grant) => (
                      <li key={grant.id}>{grantBadge(grant)}</li>
                    ))}
                  </ul>
                </td>
                <td className="max-w-xs px-3 py-2 whitespace-pre-line text-slate-700">{request.note}</td>
                <td className="px-3 py-2">
                  <div className="flex flex-col items-start gap-2">
                    {request.grantable && (
                      <form action={grantAction}>
                        <input type="hidden" name="accessRequestId" value={request.id} />
                        <button type="submit" aria-label={t("grantLabel", subject)} className={`${BUTTON} bg-indigo-700 text-white hover:bg-indigo-800`}>
                          {t("grant")}
                        </button>
                      </form>
                    )}
                    {activeGrants.map((grant) => (
                      <form key={grant.id} action={revokeAction}>
                        <input type="hidden" name="grantId" value={grant.id} />
                        <button type="submit" aria-label={t("revokeLabel", subject)} className={`${BUTTON} border border-red-700 text-red-800 hover:bg-red-50`}>
                          {t("revoke")}
                        </button>
                      </form>
                    ))}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
