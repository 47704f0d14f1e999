import type { Metadata } from "next";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { setLocale } from "@/app/actions/set-locale";
import { setTheme } from "@/app/actions/set-theme";
import { reportBrowserTimeZone } from "@/app/actions/time-zone";
import { TIME_ZONE_COOKIE } from "@/schemas/time-zone";
import { findViewer } from "@/server/entry/viewer";
import { ErrorPageTextsProvider } from "@/ui/error-page-texts";
import { SiteHeader } from "@/ui/site-header";
import { TimeZoneReporter } from "@/ui/time-zone-reporter";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return {
    title: { default: "Portico", template: "%s · Portico" },
    description: t("description"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [viewer, locale, t, errorPage] = await Promise.all([findViewer(), getLocale(), getTranslations("layout"), getTranslations("errorPage")]);
  const person = viewer?.person;
  // Someone without a saved time zone (or a visitor without the cookie) has their browser's adopted.
  const [timeZone, zoneCookie] = await Promise.all([getTimeZone(), cookies().then((store) => store.has(TIME_ZONE_COOKIE))]);
  const reportTimeZone = person ? person.timeZone === null : !zoneCookie;
  return (
    // A chosen theme is painted from the first byte; without one the stylesheet follows the system's.
    <html lang={locale} data-theme={person?.theme ?? undefined}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        <SiteHeader
          person={
            person
              ? { id: person.id, name: person.name, email: person.email, isAgent: person.isAgent, isCustomer: person.memberships.length > 0, theme: person.theme ?? "system" }
              : null
          }
          languageAction={setLocale}
          themeAction={setTheme}
        />
        {reportTimeZone && <TimeZoneReporter action={reportBrowserTimeZone} shown={timeZone} />}
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8">
          {/* Only the error page's texts reach the browser: everything else arrives translated from the server. */}
          <ErrorPageTextsProvider texts={{ title: errorPage("title"), body: errorPage("body"), retry: errorPage("retry"), home: errorPage("home") }}>{children}</ErrorPageTextsProvider>
        </main>
      </body>
    </html>
  );
}
