"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locales";
import { localeChoiceSchema } from "@/schemas/locale";
import { getCurrentUser } from "@/server/auth/current-user";
import { getDatabase } from "@/server/db";

/**
 * The profile menu's language switch: saves the signed-in user's language (`User.locale`), and sets the
 * cookie too so the sign-in page keeps it after signing out.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = localeChoiceSchema.safeParse({ locale: formData.get("locale") });
  // Only a hand-made request sends anything else; it changes nothing.
  if (!parsed.success) return;
  // An action is a public endpoint: it checks the user itself, whatever page rendered the form.
  const user = await getCurrentUser();
  if (!user) {
    // The session ended while the page was open; re-rendering sends the visitor to sign in.
    refresh();
    return;
  }
  await getDatabase().user.update({ where: { id: user.id }, data: { locale: parsed.data.locale }, select: { id: true } });
  await rememberLocale(parsed.data.locale);
}

/** The sign-in page's language switch, for visitors: the cookie only. */
export async function setVisitorLocale(formData: FormData): Promise<void> {
  const parsed = localeChoiceSchema.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  await rememberLocale(parsed.data.locale);
}

async function rememberLocale(locale: Locale): Promise<void> {
  // Read only by the server (src/i18n/request.ts), which accepts nothing but a supported locale.
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: true });
  refresh();
}
