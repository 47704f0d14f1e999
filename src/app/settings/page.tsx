import type { Metadata } from "next";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime, supportedTimeZones } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import { getClock } from "@/server/clock";
import { requireViewer } from "@/server/entry/viewer";
import { SettingsNav } from "@/ui/settings/settings-nav";
import { TIME_ZONE_PATH } from "@/ui/settings/outcome";
import { TimeZoneForm, type TimeZoneOption } from "@/ui/settings/time-zone-form";
import { updateTimeZoneAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.timeZone");
  return { title: t("title") };
}

/** Each zone by its IANA name, spaces for underscores, and its offset from UTC at the moment. */
function timeZoneOptions(locale: Locale, now: Date): TimeZoneOption[] {
  return supportedTimeZones().map((zone) => {
    const offset = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(now).find((part) => part.type === "timeZoneName")?.value;
    const name = zone.replaceAll("_", " ");
    return { value: zone, label: offset ? `${name} (${offset})` : name };
  });
}

/** The profile page: the person's time zone (docs/product.md §8). */
export default async function TimeZoneSettingsPage() {
  await requireViewer(TIME_ZONE_PATH);
  const [t, settings, notifications, locale, timeZone] = await Promise.all([
    getTranslations("settings.timeZone"),
    getTranslations("settings"),
    getTranslations("notificationSettings"),
    getLocale(),
    // The saved zone, else the browser's or UTC: the one this page's dates are shown in.
    getTimeZone(),
  ]);
  const now = getClock().now();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{settings("title")}</h1>
      <SettingsNav
        current="timeZone"
        label={settings("navLabel")}
        labels={{ timeZone: t("title"), sessions: settings("sessions.title"), password: settings("password.title"), notifications: notifications("title") }}
      />
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      <p className="text-sm text-slate-700">
        {t("now", { time: formatDateTime(now, locale, timeZone) })}
      </p>
      <TimeZoneForm
        action={updateTimeZoneAction}
        options={timeZoneOptions(locale, now)}
        current={timeZone}
        labels={{ label: t("label"), hint: t("hint"), submit: t("submit"), submitting: t("submitting") }}
      />
    </div>
  );
}
