import Link from "next/link";

export const SETTINGS_PAGES = ["timeZone", "sessions", "password", "notifications"] as const;
export type SettingsPage = (typeof SETTINGS_PAGES)[number];

/** The time zone is the profile's own page, at /settings itself. */
const settingsHref = (page: SettingsPage) => (page === "timeZone" ? "/settings" : `/settings/${page}`);

/** The profile's pages, side by side; the current one is marked for assistive technology. */
export function SettingsNav(props: { current: SettingsPage; label: string; labels: Record<SettingsPage, string> }) {
  return (
    <nav aria-label={props.label} className="flex gap-2 border-b border-slate-200">
      {SETTINGS_PAGES.map((page) => (
        <Link
          key={page}
          href={settingsHref(page)}
          aria-current={page === props.current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${page === props.current ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"}`}
        >
          {props.labels[page]}
        </Link>
      ))}
    </nav>
  );
}
