import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { ApprovalRequest } from "@/server/organization-access/get-organization-access-overview";
import { DecisionForm } from "./decision-form";
import type { FormAction } from "@/ui/form-state";

interface ApprovalListProps {
  approvals: ApprovalRequest[];
  decideAction: FormAction;
}

/** Admins' access requests that name the viewer as approver: the waiting ones with Approve / Decline. */
export async function ApprovalList({ approvals, decideAction }: ApprovalListProps) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("organizationAccess"), getLocale(), getTimeZone()]);
  const date = (instant: Date) => formatDateTime(instant, locale, timeZone);
  return (
    <section aria-labelledby="approvals-heading" className="mt-8 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="approvals-heading" className="text-xl font-semibold">
        {t("approvals")}
      </h2>
      <p className="mt-1 text-slate-700">{t("approvalsIntro")}</p>
      <ul className="mt-4 space-y-3">
        {approvals.map((approval) => {
          const summaryId = `approval-${approval.id}`;
          return (
            <li key={approval.id} className="rounded-md border border-slate-200 p-4">
              <p id={summaryId} className="font-medium">
                {t("approvalFrom", { name: approval.requester.name, email: approval.requester.email, organization: approval.organizationName })}
              </p>
              <p className="text-sm text-slate-600">{t("requestedOn", { date: date(approval.createdAt) })}</p>
              {approval.note && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{t("noteQuoted", { note: approval.note })}</p>}
              {approval.approvalState === "pending" ? (
                <DecisionForm
                  action={decideAction}
                  accessRequestId={approval.id}
                  describedBy={summaryId}
                  labels={{ approve: t("approve"), decline: t("decline"), deciding: t("deciding") }}
                />
              ) : (
                approval.decidedAt && (
                  <p className="mt-2 text-sm font-medium">
                    {approval.approvalState === "declined" ? t("declinedOn", { date: date(approval.decidedAt) }) : t("approvedOn", { date: date(approval.decidedAt) })}
                  </p>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
