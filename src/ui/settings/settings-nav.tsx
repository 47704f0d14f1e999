import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";

export const SETTINGS_PAGES = ["timeZone", "sessions", "password", "notifications", "apiTokens"] as const;
export type SettingsPage = (typeof SETTINGS_PAGES)[number];

/** The time zone is the profile's own page, at /settings itself. */
const settingsHref = (page: SettingsPage) => (page === "timeZone" ? "/settings" : page === "apiTokens" ? "/settings/api-tokens" : `/settings/${page}`);

/**
 * The profile's pages, side by side (in rows on a phone); the current one is marked for assistive
 * technology. The API tokens page names itself, from its own messages.
 */
export async function SettingsNav(props: { current: SettingsPage; label: string; labels: Record<Exclude<SettingsPage, "apiTokens">, string> }) {
  const labels: Record<SettingsPage, string> = { ...props.labels, apiTokens: (await getTranslations("apiTokens"))("title") };
  return (
    <nav aria-label={props.label} className="flex flex-wrap gap-x-2 border-b border-slate-200">
      {SETTINGS_PAGES.map((page) => (
        <Link
          key={page}
          href={settingsHref(page)}
          aria-current={page === props.current ? "page" : undefined}
          className={`-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${page === props.current ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`}
        >
          {labels[page]}
        </Link>
      ))}
    </nav>
  );
}
