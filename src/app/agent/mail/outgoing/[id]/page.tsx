import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "@/server/entry/translations";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { getOutgoingMail } from "@/server/mail/console/get-outgoing-mail";
import { outgoingMailHref } from "@/ui/agent-mail/mail-href";
import { OutgoingMailDetailView } from "@/ui/agent-mail/outgoing-mail-detail";
import { retryMailAction } from "../../actions";

interface Props {
  params: Promise<{ id: string }>;
}

// One outgoing mail, for agents only: anyone else gets the same 404 as a mail that does not exist.
const loadMail = cache(async (id: string) => {
  const viewer = await requireAgentViewer(outgoingMailHref(id));
  return getOutgoingMail(getDatabase(), viewer, { mailId: id });
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [outcome, t] = await Promise.all([loadMail(id), getTranslations("agentMail")]);
  const { mail } = found(outcome);
  return { title: t("outgoingDetail.title", { subject: mail.headers.find((header) => header.name === "Subject")?.value ?? "" }) };
}

export default async function OutgoingMailPage({ params }: Props) {
  const { id } = await params;
  const { mail } = found(await loadMail(id));
  return <OutgoingMailDetailView mail={mail} retryAction={retryMailAction} />;
}
