// next-intl's per-request configuration (found by createNextIntlPlugin in next.config.ts). URLs carry
// no locale: the language comes from the user, the cookie or the browser (docs/decisions/0007).
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getCurrentUser } from "@/server/auth/current-user";
import { LOCALE_COOKIE, type Locale } from "./locales";
import { resolveLocale } from "./negotiate";

// Each request loads only its own language's file.
const MESSAGES = {
  en: () => import("./messages/en.json"),
  ko: () => import("./messages/ko.json"),
  it: () => import("./messages/it.json"),
} satisfies Record<Locale, () => Promise<{ default: unknown }>>;

export default getRequestConfig(async () => {
  // getCurrentUser is cached per request, so pages that also ask for the user query once.
  const [user, cookieStore, headerStore] = await Promise.all([getCurrentUser(), cookies(), headers()]);
  const locale = resolveLocale({
    saved: user?.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
  return {
    locale,
    messages: (await MESSAGES[locale]()).default,
    // Users have no time zone setting yet; dates are shown, and labelled, in UTC.
    timeZone: "UTC",
  };
});
