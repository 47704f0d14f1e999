// next-intl's per-request configuration (found by createNextIntlPlugin in next.config.ts). URLs carry
// no locale: the language comes from the viewer's saved choice, the cookie or the browser
// (docs/decisions/0007-localization.md). The viewer is the page's own, read once per request.
// Dates are shown in the viewer's time zone: the one saved on their profile, else the one their
// browser reported (a cookie, for signed-out pages and until it is saved), else UTC.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "@/i18n/format";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";
import { resolveLocale } from "@/i18n/negotiate";
import { TIME_ZONE_COOKIE } from "@/schemas/time-zone";
import { isDatabaseUnavailable } from "@/server/db/errors";
import { findViewer } from "./viewer";

// Each request loads only its own language's file.
const MESSAGES = {
  en: () => import("@/i18n/messages/en.json"),
  ko: () => import("@/i18n/messages/ko.json"),
  it: () => import("@/i18n/messages/it.json"),
} satisfies Record<Locale, () => Promise<{ default: unknown }>>;

export default getRequestConfig(async () => {
  // With the database unreachable (restarting) the viewer cannot be read: the cookie and the browser
  // still choose the language, so a form can say so in it instead of the page failing.
  const [viewer, cookieStore, headerStore] = await Promise.all([findViewer().catch(unlessDatabaseUnavailable), cookies(), headers()]);
  const locale = resolveLocale({
    saved: viewer?.person.locale,
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
  return {
    locale,
    messages: (await MESSAGES[locale]()).default,
    // The cookie is the browser's word, so it is checked like any input.
    timeZone: viewer?.person.timeZone ?? canonicalTimeZone(cookieStore.get(TIME_ZONE_COOKIE)?.value) ?? DEFAULT_TIME_ZONE,
  };
});

function unlessDatabaseUnavailable(error: unknown): null {
  if (isDatabaseUnavailable(error)) return null;
  throw error;
}
