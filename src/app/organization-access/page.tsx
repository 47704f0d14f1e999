import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { MAX_ACCESS_NOTE_LENGTH, organizationAccessPageParamsSchema } from "@/schemas/organization-access";
import { getDatabase } from "@/server/db";
import { found, requireViewer } from "@/server/entry/viewer";
import { getOrganizationAccessOverview } from "@/server/organization-access/get-organization-access-overview";
import { AccessSection } from "@/ui/organization-access/access-section";
import { ApprovalList } from "@/ui/organization-access/approval-list";
import { submitAccessDecision, submitAccessRequest } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organizationAccess");
  return { title: t("title") };
}

export default async function OrganizationAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer("/organization-access");
  const { done } = organizationAccessPageParamsSchema.parse(await searchParams);
  const t = await getTranslations("organizationAccess");
  // Agents grant and revoke in the agent console; this page is where customers ask.
  const overview = viewer.actor.isAgent ? null : found(await getOrganizationAccessOverview(getDatabase(), viewer, {})).overview;

  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-700">{t("intro")}</p>
      {done && (
        <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          {t(`notice.${done}`)}
        </p>
      )}
      {!overview ? (
        <>
          <p className="mt-2 text-slate-700">{t("whoMayAsk")}</p>
          <p className="mt-2 text-slate-700">{t("agentNote")}</p>
        </>
      ) : (
        <>
          {overview.organizations.length === 0 && <p className="mt-4 text-slate-700">{t("noOrganization")}</p>}
          {overview.approvals.length > 0 && <ApprovalList approvals={overview.approvals} decideAction={submitAccessDecision} />}
          {overview.organizations.map((section) => (
            <AccessSection key={section.organizationId} section={section} requestAction={submitAccessRequest} noteMaxLength={MAX_ACCESS_NOTE_LENGTH} />
          ))}
        </>
      )}
    </div>
  );
}
