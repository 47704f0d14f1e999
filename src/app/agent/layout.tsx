import type { ReactNode } from "react";
import { getTranslations } from "@/server/entry/translations";
import { CHAT_PRESENCE_BEAT_MS } from "@/domain";
import { chatAvailabilityOf } from "@/server/chat/presence";
import { countWaitingChats } from "@/server/chat/read-chats";
import { getDatabase } from "@/server/db";
import { findViewer } from "@/server/entry/viewer";
import { mailAttention } from "@/server/mail/console/mail-attention";
import { AvailabilitySwitch } from "@/ui/agent-chats/availability-switch";
import { CHATS_PATH } from "@/ui/agent-chats/chat-href";
import { SAVED_REPLIES_PATH } from "@/ui/saved-replies/saved-replies-href";
import { WEBHOOKS_PATH } from "@/ui/agent-webhooks/webhooks-href";
import { AgentConsoleNav } from "@/ui/agent-queue/agent-console-nav";
import { chatAvailabilityAction } from "./chats/actions";

// The console's own header, only for agents: anyone else gets the pages' 404 (or sign-in) without
// a hint that the console exists. Each page still calls requireAgentViewer itself.
export default async function AgentConsoleLayout({ children }: { children: ReactNode }) {
  const viewer = await findViewer();
  if (!viewer?.actor.isAgent) return children;
  const db = getDatabase();
  const [t, tAccess, tPeople, tAudit, tMail, tChats, tSaved, tWebhooks, attention, chatsWaiting, available] = await Promise.all([
    getTranslations("agentQueue.console"),
    getTranslations("agentAccess"),
    getTranslations("agentPeople"),
    getTranslations("agentAudit"),
    getTranslations("agentMail"),
    getTranslations("agentChats"),
    getTranslations("savedReplies"),
    getTranslations("agentWebhooks"),
    mailAttention(db, viewer),
    countWaitingChats(db),
    chatAvailabilityOf(db, viewer),
  ]);
  const waiting = attention ? attention.held + attention.failed : 0;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("title")}</p>
          <AvailabilitySwitch
            available={available}
            action={chatAvailabilityAction}
            beatMs={CHAT_PRESENCE_BEAT_MS}
            labels={{ label: tChats("availability.label"), available: tChats("availability.available"), away: tChats("availability.away"), saving: tChats("availability.saving") }}
          />
        </div>
        <AgentConsoleNav
          label={t("navLabel")}
          links={[
            { href: "/agent", label: t("queue") },
            { href: CHATS_PATH, label: tChats("nav"), count: { value: chatsWaiting, label: tChats("navWaiting", { count: chatsWaiting }) } },
            { href: SAVED_REPLIES_PATH, label: tSaved("nav") },
            { href: "/agent/organization-access", label: tAccess("nav") },
            { href: "/agent/people", label: tPeople("nav") },
            { href: "/agent/audit", label: tAudit("nav") },
            { href: "/agent/mail", label: tMail("nav"), count: { value: waiting, label: tMail("navAttention", { count: waiting }) } },
            { href: WEBHOOKS_PATH, label: tWebhooks("nav") },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
