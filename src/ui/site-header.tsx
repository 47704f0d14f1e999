import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { ProfileMenu } from "./profile-menu";

export async function SiteHeader({ user }: { user: { name: string; email: string } | null }) {
  // Cached per request: the layout has read the user already.
  const [locale, t, current] = await Promise.all([getLocale(), getTranslations(), getCurrentUser()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center justify-between px-4">
        <Link href="/" className="text-lg font-semibold tracking-tight text-slate-900">
          Portico
        </Link>
        {user ? (
          <ProfileMenu
            name={user.name}
            email={user.email}
            locale={locale}
            labels={{
              supportRequests: t("profileMenu.supportRequests"),
              // Organization-level access is for customers; agents grant it elsewhere.
              organizationAccess: current && current.memberships.length > 0 ? t("organizationAccess.menuLabel") : undefined,
              agentConsole: current?.isAgent ? t("agentQueue.menuLabel") : undefined,
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
