import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { listOrganizationAccess } from "@/server/organization-access/list-organization-access";
import { AccessRequestTable } from "@/ui/agent-access/access-request-table";
import { ACCESS_ADMIN_PATH, accessAdminParamsSchema } from "@/ui/agent-access/outcome";
import { grantAccessAction, revokeAccessAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  // The title too is the console's: anyone else gets the not-found page's.
  await requireAgentViewer(ACCESS_ADMIN_PATH);
  const t = await getTranslations("agentAccess");
  return { title: t("title") };
}

export default async function AgentOrganizationAccessPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireAgentViewer(ACCESS_ADMIN_PATH);
  const { done, refused } = accessAdminParamsSchema.parse(await searchParams);
  const { list } = found(await listOrganizationAccess(getDatabase(), viewer, {}));
  const t = await getTranslations("agentAccess");

  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      {done && (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3 text-green-900">
          {t(`done.${done}`)}
        </p>
      )}
      {refused && (
        <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900">
          {t(`refusals.${refused}`)}
        </p>
      )}
      {list.requests.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <AccessRequestTable requests={list.requests} grantAction={grantAccessAction} revokeAction={revokeAccessAction} />
      )}
    </div>
  );
}
