import type { Metadata } from "next";
import { cache } from "react";
import { getTranslations } from "@/server/entry/translations";
import { availableAgents } from "@/server/chat/presence";
import { getChatForAgent } from "@/server/chat/read-chats";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { getRequestPage } from "@/server/requests/get-request-page";
import { chatHref } from "@/ui/agent-chats/chat-href";
import { AgentChatView } from "@/ui/agent-chats/agent-chat-view";
import { acceptChatAction, transferChatAction } from "../actions";

interface Props {
  params: Promise<{ chatId: string }>;
}

// One chat in the console (docs/product.md §6): the conversation beside its request's history. Any
// agent may look; only the one holding it writes, ends or transfers it. Anyone else gets the same 404
// as a chat that does not exist.
const loadChat = cache(async (chatId: string) => {
  const viewer = await requireAgentViewer(chatHref(chatId));
  return { viewer, outcome: await getChatForAgent(getDatabase(), viewer, chatId) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { chatId } = await params;
  const { outcome } = await loadChat(chatId);
  const { chat } = found(outcome);
  const t = await getTranslations("agentChats");
  return { title: t("chat.heading", { customer: chat.customerName }) };
}

export default async function AgentChatPage({ params }: Props) {
  const { chatId } = await params;
  const { viewer, outcome } = await loadChat(chatId);
  const { chat, holdsIt } = found(outcome);
  const db = getDatabase();
  const [{ page }, agents] = await Promise.all([
    getRequestPage(db, viewer, { requestId: chat.requestId }).then(found),
    holdsIt ? availableAgents(db, viewer.now) : Promise.resolve([]),
  ]);
  return (
    <AgentChatView
      chat={chat}
      holdsIt={holdsIt}
      request={page}
      transferTo={agents.filter((agent) => agent.id !== viewer.actor.userId)}
      actions={{ accept: acceptChatAction, transfer: transferChatAction }}
    />
  );
}
