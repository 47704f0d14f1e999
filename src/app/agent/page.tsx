import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { readList } from "@/server/entry/list-database";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { listQueue } from "@/server/requests/list-queue";
import { AgentQueueView } from "@/ui/agent-queue/agent-queue-view";
import { rawQueryString } from "@/ui/my-requests/list-href";
import { bulkChangeAction } from "./actions";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  // The title too is the console's: anyone else gets the not-found page's.
  await requireAgentViewer("/agent");
  const t = await getTranslations("agentQueue");
  return { title: t("title") };
}

export default async function AgentQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const viewer = await requireAgentViewer(`/agent${rawQueryString(raw)}`);
  const { queue } = found(await readList((db) => listQueue(db, viewer, raw)));
  return <AgentQueueView queue={queue} now={viewer.now} bulkAction={bulkChangeAction} />;
}
