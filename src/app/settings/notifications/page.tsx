import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { getDatabase } from "@/server/db";
import { found, requireViewer } from "@/server/entry/viewer";
import { getNotificationPreferences } from "@/server/people/notification-preferences";
import { NotificationPreferencesForm } from "@/ui/settings/notification-preferences-form";
import { NOTIFICATIONS_PATH } from "@/ui/settings/outcome";
import { SettingsNav } from "@/ui/settings/settings-nav";
import { updateNotificationsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("notificationSettings");
  return { title: t("title") };
}

export default async function NotificationSettingsPage() {
  const viewer = await requireViewer(NOTIFICATIONS_PATH);
  const preferences = found(await getNotificationPreferences(getDatabase(), viewer, {}));
  const [t, settings] = await Promise.all([getTranslations("notificationSettings"), getTranslations("settings")]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{settings("title")}</h1>
      <SettingsNav current="notifications" label={settings("navLabel")} labels={{ timeZone: settings("timeZone.title"), sessions: settings("sessions.title"), password: settings("password.title"), notifications: t("title") }} />
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      {preferences.undeliverable && (
        <p role="alert" className="max-w-3xl rounded-md border border-amber-700 bg-amber-50 p-3 text-sm text-amber-900">
          {t("undeliverable", { email: preferences.email, reason: preferences.undeliverable.reason })}
        </p>
      )}
      <NotificationPreferencesForm
        action={updateNotificationsAction}
        choices={preferences.choices.map(({ kind, enabled }) => ({ kind, enabled, label: t(`kinds.${kind}.label`), hint: t(`kinds.${kind}.hint`) }))}
        labels={{ legend: t("legend"), submit: t("submit"), submitting: t("submitting") }}
      />
    </div>
  );
}
