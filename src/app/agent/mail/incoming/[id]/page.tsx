import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "@/server/entry/translations";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { getIncomingMail } from "@/server/mail/console/get-incoming-mail";
import { IncomingMailDetailView } from "@/ui/agent-mail/incoming-mail-detail";
import { incomingMailHref } from "@/ui/agent-mail/mail-href";
import { createRequestFromMailAction, discardMailAction } from "../../actions";

interface Props {
  params: Promise<{ id: string }>;
}

// One incoming mail, for agents only: anyone else gets the same 404 as a mail that does not exist.
const loadMail = cache(async (id: string) => {
  const viewer = await requireAgentViewer(incomingMailHref(id));
  return getIncomingMail(getDatabase(), viewer, { mailId: id });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [outcome, t] = await Promise.all([loadMail(id), getTranslations("agentMail")]);
  const { mail } = found(outcome);
  return { title: t("incomingDetail.title", { subject: mail.subject || t("incoming.noSubject") }) };
}

export default async function IncomingMailPage({ params }: Props) {
  const { id } = await params;
  const { mail } = found(await loadMail(id));
  return <IncomingMailDetailView mail={mail} discardAction={discardMailAction} createRequestAction={createRequestFromMailAction} />;
}
