import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requestListParamsSchema } from "@/schemas/request-list";
import { requireViewer } from "@/server/access/viewer";
import { getDatabase } from "@/server/db";
import { listRequests } from "@/server/requests/list-requests";
import { rawQueryString, type ListView } from "@/ui/my-requests/list-href";
import { MyRequestsView } from "@/ui/my-requests/my-requests-view";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myRequests");
  return { title: t("title") };
}

export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const viewer = await requireViewer(`/requests${rawQueryString(raw)}`);
  const params = requestListParamsSchema.parse(raw);
  const page = await listRequests(getDatabase(), viewer, params);
  // The scope actually shown: Organization falls back to My requests without a grant.
  const view: ListView = { q: params.q, scope: page.scope, status: params.status, priority: params.priority, sort: params.sort, order: params.order };
  return <MyRequestsView view={view} page={page} requestedScope={params.scope} onLaterPage={Boolean(params.after ?? params.before)} now={viewer.now} />;
}
