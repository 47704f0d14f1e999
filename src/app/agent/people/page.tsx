import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { listAccounts } from "@/server/accounts/list-accounts";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { PEOPLE_PATH } from "@/ui/accounts/people-href";
import { PeopleView } from "@/ui/accounts/people-view";
import { rawQueryString } from "@/ui/my-requests/list-href";
import { accountStatusAction } from "./actions";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  // The title too is the console's: anyone else gets the not-found page's.
  await requireAgentViewer(PEOPLE_PATH);
  const t = await getTranslations("agentPeople");
  return { title: t("title") };
}

export default async function AgentPeoplePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const viewer = await requireAgentViewer(`${PEOPLE_PATH}${rawQueryString(raw)}`);
  const { page } = found(await listAccounts(getDatabase(), viewer, raw));
  return <PeopleView page={page} statusAction={accountStatusAction} />;
}
