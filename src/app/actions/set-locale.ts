"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";
import { localeChoiceSchema } from "@/schemas/locale";
import { viewerPost, visitorPost } from "@/server/entry/actions";
import { updateLocale } from "@/server/people/update-locale";

/**
 * The profile menu's language switch: saves the signed-in user's language, and sets the cookie too so
 * the sign-in page keeps it after signing out. Signed out meanwhile, the refresh sends them to sign in.
 */
export const setLocale = viewerPost(updateLocale, {
  then: async (outcome) => {
    if (outcome.ok) await rememberLocale(outcome.locale);
    refresh();
  },
});

/** The sign-in page's language switch, for visitors: the cookie only. */
export const setVisitorLocale = visitorPost(async (_viewer, formData) => {
  const parsed = localeChoiceSchema.safeParse({ locale: formData.get("locale") });
  // Only a hand-made request sends anything else; it changes nothing.
  if (parsed.success) await rememberLocale(parsed.data.locale);
  refresh();
});

async function rememberLocale(locale: Locale): Promise<void> {
  // Read only by the server (src/server/entry/locale.ts), which accepts nothing but a supported locale.
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: true });
}
