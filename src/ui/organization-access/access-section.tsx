import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { MyAccessRequest, OrganizationAccessSection } from "@/server/organization-access/get-organization-access-overview";
import type { FormAction } from "@/ui/form-state";
import { RequestAccessForm } from "./request-access-form";

interface AccessSectionProps {
  section: OrganizationAccessSection;
  requestAction: FormAction;
  noteMaxLength: number;
}

/** One organization: the viewer's roles and access, what they may do about it, and their requests. */
export async function AccessSection({ section, requestAction, noteMaxLength }: AccessSectionProps) {
  const [t, locale, timeZone] = await Promise.all([getTranslations("organizationAccess"), getLocale(), getTimeZone()]);
  const date = (instant: Date) => formatDateTime(instant, locale, timeZone);
  const headingId = `organization-${section.organizationId}-heading`;
  const roles = [section.isTechnicalContact && t("roleTechnicalContact"), section.isAdmin && t("roleAdmin")].filter((role) => typeof role === "string");
  const { next, activeGrant } = section;

  function stage(request: MyAccessRequest): string {
    const name = request.approverName ?? "";
    switch (request.stage) {
      case "waiting_for_approval":
        return t("stage.waiting_for_approval", { name });
      case "declined":
        return t("stage.declined", { name });
      case "waiting_for_grant":
        return request.approvalState === "approved" ? t("stage.approved_waiting_for_grant", { name }) : t("stage.waiting_for_grant");
      case "granted":
        return t("stage.granted", { date: date(request.grant?.grantedAt ?? request.createdAt) });
      case "ended":
        return t("stage.ended", { date: date(request.grant?.grantedAt ?? request.createdAt), endedOn: date(request.grant?.endedAt ?? request.createdAt) });
    }
  }

  return (
    <section aria-labelledby={headingId} className="mt-8 rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={headingId} className="text-xl font-semibold">
        {section.organizationName}
      </h2>
      <dl className="mt-1 flex gap-2 text-sm text-slate-700">
        <dt>{t("yourRoles")}:</dt>
        <dd>{roles.length > 0 ? roles.join(", ") : t("roleMember")}</dd>
      </dl>

      <h3 className="mt-6 font-semibold">{t("yourAccess")}</h3>
      <p className="mt-1">
        {activeGrant ? t("hasAccess", { date: date(activeGrant.grantedAt), name: activeGrant.grantedByName }) : t("noAccess")}
        {activeGrant?.expiresAt && <> {t("expiresOn", { date: date(activeGrant.expiresAt) })}</>}
      </p>

      {next.kind === "not_entitled" && <p className="mt-3 text-slate-700">{t("notEntitled")}</p>}
      {(next.kind === "request" || next.kind === "request_with_approver") && (
        <>
          <h3 className="mt-6 font-semibold">{t("requestHeading")}</h3>
          <p className="mt-1 text-slate-700">{next.kind === "request" ? t("technicalContactExplanation") : t("adminExplanation")}</p>
          {next.kind === "request_with_approver" && next.technicalContacts.length === 0 ? (
            <p className="mt-3 text-slate-700">{t("noTechnicalContacts")}</p>
          ) : (
            <RequestAccessForm
              action={requestAction}
              organizationId={section.organizationId}
              technicalContacts={next.kind === "request_with_approver" ? next.technicalContacts : null}
              noteMaxLength={noteMaxLength}
              labels={{
                approver: t("approver"),
                approverChoose: t("approverChoose"),
                note: t("note"),
                noteHint: next.kind === "request" ? t("noteHintTechnicalContact") : t("noteHint"),
                submit: t("submitRequest"),
                submitting: t("submitting"),
              }}
            />
          )}
        </>
      )}

      {section.requests.length > 0 && (
        <>
          <h3 className="mt-6 font-semibold">{t("myRequests")}</h3>
          <ul className="mt-2 space-y-3">
            {section.requests.map((request) => (
              <li key={request.id} className="rounded-md border border-slate-200 p-3">
                <p className="font-medium">{stage(request)}</p>
                <p className="text-sm text-slate-600">{t("requestedOn", { date: date(request.createdAt) })}</p>
                {request.decidedAt && <p className="text-sm text-slate-600">{t("decidedOn", { date: date(request.decidedAt) })}</p>}
                {request.note && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{t("noteQuoted", { note: request.note })}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
