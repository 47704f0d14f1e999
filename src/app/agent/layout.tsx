import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { getDatabase } from "@/server/db";
import { findViewer } from "@/server/entry/viewer";
import { mailAttention } from "@/server/mail/console/mail-attention";
import { AgentConsoleNav } from "@/ui/agent-queue/agent-console-nav";

// The console's own header, only for agents: anyone else gets the pages' 404 (or sign-in) without
// a hint that the console exists. Each page still calls requireAgentViewer itself.
export default async function AgentConsoleLayout({ children }: { children: ReactNode }) {
  const viewer = await findViewer();
  if (!viewer?.actor.isAgent) return children;
  const [t, tAccess, tPeople, tAudit, tMail, attention] = await Promise.all([
    getTranslations("agentQueue.console"),
    getTranslations("agentAccess"),
    getTranslations("agentPeople"),
    getTranslations("agentAudit"),
    getTranslations("agentMail"),
    mailAttention(getDatabase(), viewer),
  ]);
  const waiting = attention ? attention.held + attention.failed : 0;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">{t("title")}</p>
        <AgentConsoleNav
          label={t("navLabel")}
          links={[
            { href: "/agent", label: t("queue") },
            { href: "/agent/organization-access", label: tAccess("nav") },
            { href: "/agent/people", label: tPeople("nav") },
            { href: "/agent/audit", label: tAudit("nav") },
            { href: "/agent/mail", label: tMail("nav"), count: { value: waiting, label: tMail("navAttention", { count: waiting }) } },
          ]}
        />
      </div>
      {children}
    </div>
  );
}
