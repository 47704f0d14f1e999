import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { readList } from "@/server/entry/list-database";
import { found, requireViewer } from "@/server/entry/viewer";
import { listRequests } from "@/server/requests/list-requests";
import { rawQueryString } from "@/ui/my-requests/list-href";
import { MyRequestsView } from "@/ui/my-requests/my-requests-view";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myRequests");
  return { title: t("title") };
}

export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const viewer = await requireViewer(`/requests${rawQueryString(raw)}`);
  const { page } = found(await readList((db) => listRequests(db, viewer, raw)));
  return <MyRequestsView page={page} now={viewer.now} />;
}
