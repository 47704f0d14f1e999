import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { agentQueueParamsSchema } from "@/schemas/agent-queue";
import { requireAgentViewer } from "@/server/access/viewer";
import { listQueue } from "@/server/agent/list-queue";
import { getDatabase } from "@/server/db";
import { AgentQueueView } from "@/ui/agent-queue/agent-queue-view";
import { rawQueryString } from "@/ui/my-requests/list-href";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("agentQueue");
  return { title: t("title") };
}

export default async function AgentQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const viewer = await requireAgentViewer(`/agent${rawQueryString(raw)}`);
  const params = agentQueueParamsSchema.parse(raw);
  const page = await listQueue(getDatabase(), viewer, params);
  if (!page) notFound();
  const { q, status, priority, organization, assignee, sla, sort, order } = params;
  return (
    <AgentQueueView
      view={{ q, status, priority, organization, assignee, sla, sort, order }}
      page={page}
      onLaterPage={Boolean(params.after ?? params.before)}
      now={viewer.now}
    />
  );
}
