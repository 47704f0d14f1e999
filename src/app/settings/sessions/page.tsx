import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { getDatabase } from "@/server/db";
import { found, requireViewer } from "@/server/entry/viewer";
import { listOwnSessions } from "@/server/people/own-sessions";
import { SESSIONS_PATH, sessionsParamsSchema } from "@/ui/settings/outcome";
import { SessionList } from "@/ui/settings/session-list";
import { SettingsNav } from "@/ui/settings/settings-nav";
import { endAllSessionsAction, endSessionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.sessions");
  return { title: t("title") };
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer(SESSIONS_PATH);
  const { done } = sessionsParamsSchema.parse(await searchParams);
  const { sessions } = found(await listOwnSessions(getDatabase(), viewer, {}));
  const t = await getTranslations("settings");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <SettingsNav current="sessions" label={t("navLabel")} labels={{ timeZone: t("timeZone.title"), sessions: t("sessions.title"), password: t("password.title"), notifications: (await getTranslations("notificationSettings"))("title") }} />
      <p className="max-w-3xl text-slate-700">{t("sessions.intro")}</p>
      {done && (
        <p role={done === "not_found" ? "alert" : "status"} className={`rounded-md border p-3 ${done === "not_found" ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50 text-green-900"}`}>
          {t(`sessions.done.${done}`)}
        </p>
      )}
      <SessionList sessions={sessions} endAction={endSessionAction} endAllAction={endAllSessionsAction} />
    </div>
  );
}
