// The languages of the UI: English, Korean and Italian (docs/product.md §8–9).
// Pure data, safe to import from client components.

export const LOCALES = ["en", "ko", "it"] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = "en";

/** Set for visitors who chose a language; a signed-in user's saved `User.locale` takes precedence. */
export const LOCALE_COOKIE = "portico-locale";

/** Each language named in itself, so a reader finds their own whatever the current language is. */
export const LOCALE_NAMES = {
  en: "English",
  ko: "한국어",
  it: "Italiano",
} as const satisfies Record<Locale, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
