import Link from "next/link";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import type { ThemeChoice } from "@/schemas/theme-choices";
import { ProfileMenu } from "./profile-menu";

interface HeaderPerson {
  id: string;
  name: string;
  email: string;
  isAgent: boolean;
  /** A member of a customer organization: may ask for organization-level access. */
  isCustomer: boolean;
  theme: ThemeChoice;
}

export async function SiteHeader(props: { person: HeaderPerson | null; languageAction: (formData: FormData) => Promise<void>; themeAction: (formData: FormData) => Promise<void> }) {
  const { person, languageAction, themeAction } = props;
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-slate-900">
          {/* The favicon's mark (src/app/icon.svg), beside the name it stands for. */}
          <svg aria-hidden="true" viewBox="0 0 32 32" className="h-6 w-6">
            <rect width="32" height="32" rx="7" className="fill-indigo-700" />
            <path d="M5 12.5 16 6l11 6.5zM8 14h3.5v9H8zm6.25 0h3.5v9h-3.5zm6.25 0H24v9h-3.5zM5.5 24h21v2.5h-21z" className="fill-white" />
          </svg>
          Portico
        </Link>
        {person ? (
          <ProfileMenu
            id={person.id}
            name={person.name}
            email={person.email}
            locale={locale}
            languageAction={languageAction}
            theme={person.theme}
            themeAction={themeAction}
            labels={{
              supportRequests: t("profileMenu.supportRequests"),
              // Organization-level access is for customers; agents grant it elsewhere.
              organizationAccess: person.isCustomer ? t("organizationAccess.menuLabel") : undefined,
              agentConsole: person.isAgent ? t("agentQueue.menuLabel") : undefined,
              sessions: t("profileMenu.sessions"),
              changePassword: t("profileMenu.changePassword"),
              notifications: t("profileMenu.notifications"),
              apiTokens: t("profileMenu.apiTokens"),
              signOut: t("profileMenu.signOut"),
              language: t("language.label"),
              theme: { label: t("theme.label"), choices: { system: t("theme.system"), light: t("theme.light"), dark: t("theme.dark") } },
            }}
          />
        ) : (
          <Link href="/signin" className="text-sm font-medium text-indigo-700 hover:underline">
            {t("header.signIn")}
          </Link>
        )}
      </div>
    </header>
  );
}
