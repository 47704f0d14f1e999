import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales";
import en from "@/i18n/messages/en.json";
import it from "@/i18n/messages/it.json";
import ko from "@/i18n/messages/ko.json";

// Mail is written outside any page request (in a change's transaction, or by a job), so the texts are
// read straight from the message files rather than through next-intl's per-request configuration.

const CATALOGUES: Record<Locale, typeof en> = { en, ko: ko as typeof en, it: it as typeof en };

/** The `mail` texts in one language. */
export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale], namespace: "mail" });
}

/** The texts the mail shares with the portal — status names above all — so both say the same. */
export function portalTranslator(locale: Locale) {
  return createTranslator({ locale, messages: CATALOGUES[locale] });
}

export type MailTranslator = ReturnType<typeof mailTranslator>;
