import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { listChatsForAgent } from "@/server/chat/read-chats";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { CHATS_PATH } from "@/ui/agent-chats/chat-href";
import { ChatsView } from "@/ui/agent-chats/chats-view";
import { rawQueryString } from "@/ui/my-requests/list-href";
import { acceptChatAction } from "./actions";

type SearchParams = Record<string, string | string[] | undefined>;

export async function generateMetadata(): Promise<Metadata> {
  // The title too is the console's: anyone else gets the not-found page's.
  await requireAgentViewer(CHATS_PATH);
  const t = await getTranslations("agentChats");
  return { title: t("title") };
}

/** What the last action left to say: an Accept that came too late, or a chat handed on. */
function noticeOf(raw: SearchParams) {
  const refused = typeof raw.refused === "string" && /^[a-z_]{1,40}$/.test(raw.refused) ? raw.refused : null;
  if (refused) return { refused };
  const transferred = typeof raw.transferred === "string" && /^\d{1,9}$/.test(raw.transferred) ? Number(raw.transferred) : null;
  return transferred ? { transferred } : null;
}

export default async function AgentChatsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const viewer = await requireAgentViewer(`${CHATS_PATH}${rawQueryString(raw)}`);
  const { waiting, mine, after } = found(await listChatsForAgent(getDatabase(), viewer));
  return <ChatsView waiting={waiting} mine={mine} after={after} now={viewer.now} acceptAction={acceptChatAction} notice={noticeOf(raw)} />;
}
