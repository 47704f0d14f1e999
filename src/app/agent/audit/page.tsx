import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { listAuditTrail } from "@/server/accounts/list-audit-trail";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { AUDIT_PATH } from "@/ui/audit-trail/audit-href";
import { AuditTrailView } from "@/ui/audit-trail/audit-trail-view";
import { rawQueryString } from "@/ui/my-requests/list-href";

// Read-only: this page has no actions, and nothing in the app changes or removes an audit event.

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  // The title too is the console's: anyone else gets the not-found page's.
  await requireAgentViewer(AUDIT_PATH);
  const t = await getTranslations("agentAudit");
  return { title: t("title") };
}

export default async function AgentAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const viewer = await requireAgentViewer(`${AUDIT_PATH}${rawQueryString(raw)}`);
  const { page } = found(await listAuditTrail(getDatabase(), viewer, raw));
  return <AuditTrailView page={page} />;
}
