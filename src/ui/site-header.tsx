import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ProfileMenu } from "./profile-menu";

interface HeaderPerson {
  name: string;
  email: string;
  isAgent: boolean;
  /** A member of a customer organization: may ask for organization-level access. */
  isCustomer: boolean;
}

export async function SiteHeader({ person, languageAction }: { person: HeaderPerson | null; languageAction: (formData: FormData) => Promise<void> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between px-4">
        <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
          Portico
        </Link>
        {person ? (
          <ProfileMenu
            name={person.name}
            email={person.email}
            locale={locale}
            languageAction={languageAction}
            labels={{
              supportRequests: t("profileMenu.supportRequests"),
              // Organization-level access is for customers; agents grant it elsewhere.
              organizationAccess: person.isCustomer ? t("organizationAccess.menuLabel") : undefined,
              agentConsole: person.isAgent ? t("agentQueue.menuLabel") : undefined,
              sessions: t("profileMenu.sessions"),
              changePassword: t("profileMenu.changePassword"),
              notifications: t("profileMenu.notifications"),
              signOut: t("profileMenu.signOut"),
              language: t("language.label"),
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
