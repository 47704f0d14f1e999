import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions/set-locale";
import { findViewer } from "@/server/entry/viewer";
import { SiteHeader } from "@/ui/site-header";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("metadata");
  return {
    title: { default: "Portico", template: "%s · Portico" },
    description: t("description"),
    icons: { icon: "/favicon.ico" },
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [viewer, locale, t] = await Promise.all([findViewer(), getLocale(), getTranslations("layout")]);
  const person = viewer?.person;
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          {t("skipToContent")}
        </a>
        <SiteHeader
          person={person ? { name: person.name, email: person.email, isAgent: person.isAgent, isCustomer: person.memberships.length > 0 } : null}
          languageAction={setLocale}
        />
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-8">
          {children}
        </main>
      </body>
    </html>
  );
}
