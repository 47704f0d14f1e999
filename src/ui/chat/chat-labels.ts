import "server-only";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import type { ChatPanelLabels } from "./chat-panel";

// The chat panel's texts, the same for the customer's request page and the agent console. Texts
// naming someone keep "{name}" for the panel to fill in as people join.

type ChatTranslator = Awaited<ReturnType<typeof getTranslations<"chat">>>;

export function chatPanelLabels(t: ChatTranslator, locale: string, timeZone: string): ChatPanelLabels {
  const name = { name: "{name}" };
  return {
    locale,
    timeZone,
    log: t("panel.log"),
    waiting: t("panel.waiting"),
    joined: t("panel.joined", name),
    tookOver: t("panel.tookOver", name),
    ended: t("panel.ended"),
    typing: t("panel.typing", name),
    you: t("panel.you"),
    chattingWith: t("panel.chattingWith", name),
    sending: t("panel.sending"),
    notSent: t("panel.notSent"),
    retry: t("panel.retry"),
    message: t("panel.message"),
    composerHint: t("panel.composerHint"),
    send: t("panel.send"),
    end: t("panel.end"),
    ending: t("panel.ending"),
    endFailed: t("panel.endFailed"),
    reconnecting: t("panel.reconnecting"),
  };
}

/** The panel's texts in the viewer's language. */
export async function getChatPanelLabels(): Promise<ChatPanelLabels> {
  const [t, locale, timeZone] = await Promise.all([getTranslations("chat"), getLocale(), getTimeZone()]);
  return chatPanelLabels(t, locale, timeZone);
}
