import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { MIN_PASSWORD_LENGTH } from "@/schemas/sign-in-limits";
import { requireViewer } from "@/server/entry/viewer";
import { ChangePasswordForm } from "@/ui/settings/change-password-form";
import { PASSWORD_PATH } from "@/ui/settings/outcome";
import { SettingsNav } from "@/ui/settings/settings-nav";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.password");
  return { title: t("title") };
}

export default async function ChangePasswordPage() {
  await requireViewer(PASSWORD_PATH);
  const t = await getTranslations("settings");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <SettingsNav current="password" label={t("navLabel")} labels={{ timeZone: t("timeZone.title"), sessions: t("sessions.title"), password: t("password.title"), notifications: (await getTranslations("notificationSettings"))("title") }} />
      <p className="max-w-3xl text-slate-700">{t("password.intro")}</p>
      <ChangePasswordForm
        action={changePasswordAction}
        labels={{
          currentPassword: t("password.fields.currentPassword"),
          newPassword: t("password.fields.newPassword"),
          newPasswordHint: t("password.newPasswordHint", { min: MIN_PASSWORD_LENGTH }),
          confirmPassword: t("password.fields.confirmPassword"),
          submit: t("password.submit"),
          submitting: t("password.submitting"),
        }}
      />
    </div>
  );
}
