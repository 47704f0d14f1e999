import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
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
  const [viewer, locale, t, messages] = await Promise.all([findViewer(), getLocale(), getTranslations("layout"), getMessages()]);
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
          {/* Only the error page's texts reach the browser: everything else arrives translated from the server. */}
          <NextIntlClientProvider messages={{ errorPage: messages.errorPage }}>{children}</NextIntlClientProvider>
        </main>
      </body>
    </html>
  );
}
