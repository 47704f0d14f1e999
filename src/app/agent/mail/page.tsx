import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { mailViewParamsSchema } from "@/schemas/agent-mail";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { listIncomingMail } from "@/server/mail/console/list-incoming-mail";
import { listOutgoingMail } from "@/server/mail/console/list-outgoing-mail";
import { listUndeliverable } from "@/server/mail/console/list-undeliverable";
import { MAIL_PATH } from "@/ui/agent-mail/mail-href";
import { MailPageView, type MailSection } from "@/ui/agent-mail/mail-view";
import { rawQueryString } from "@/ui/my-requests/list-href";
import { clearUndeliverableAction, discardMailAction, retryMailAction } from "./actions";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  // The title too is the console's: anyone else gets the not-found page's.
  await requireAgentViewer(MAIL_PATH);
  const t = await getTranslations("agentMail");
  return { title: t("title") };
}

export default async function AgentMailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const viewer = await requireAgentViewer(`${MAIL_PATH}${rawQueryString(raw)}`);
  const db = getDatabase();
  const { view } = mailViewParamsSchema.parse(raw);
  let section: MailSection;
  let outgoingServer = true;
  if (view === "incoming") {
    section = { view, page: found(await listIncomingMail(db, viewer, raw)).page, discardAction: discardMailAction };
  } else if (view === "undeliverable") {
    section = { view, page: found(await listUndeliverable(db, viewer, raw)).page, clearAction: clearUndeliverableAction };
  } else {
    const { page } = found(await listOutgoingMail(db, viewer, raw));
    section = { view, page, retryAction: retryMailAction };
    outgoingServer = page.outgoingServer;
  }
  return <MailPageView section={section} outgoingServer={outgoingServer} />;
}
