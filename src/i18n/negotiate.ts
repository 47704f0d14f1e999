// Which language a page is rendered in. Pure: the request handler gathers the inputs.
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "./locales";

export interface LocaleSources {
  /** The signed-in user's saved setting (`User.locale`); null when they never chose. */
  saved?: string | null;
  /** The `portico-locale` cookie, set when a visitor (or user) chose a language. */
  cookie?: string | null;
  /** The browser's `Accept-Language` header. */
  acceptLanguage?: string | null;
}

/** The saved setting, else the cookie, else the browser's preference, else English. Unknown values are skipped. */
export function resolveLocale({ saved, cookie, acceptLanguage }: LocaleSources): Locale {
  if (isLocale(saved)) return saved;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

export interface LanguageRange {
  /** Lower-cased language tag, or `*`. */
  tag: string;
  /** 0 to 1; 0 means "not acceptable". */
  quality: number;
  /** Position in the header, for ties. */
  position: number;
}

const LANGUAGE_TAG = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/;
// RFC 9110 §12.4.2: at most three decimals, never above 1.
const QVALUE = /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/;

/** The ranges of an `Accept-Language` header (RFC 9110 §12.5.4) in header order; malformed entries are skipped. */
export function parseAcceptLanguage(header: string): LanguageRange[] {
  const ranges: LanguageRange[] = [];
  for (const entry of header.split(",")) {
    const [rawTag = "", ...parameters] = entry.split(";");
    // Some clients write `en_US`; the meaning is unambiguous.
    const tag = rawTag.trim().toLowerCase().replaceAll("_", "-");
    if (!LANGUAGE_TAG.test(tag)) continue;
    let quality = 1;
    let malformed = false;
    for (const parameter of parameters) {
      const [name = "", value = ""] = parameter.split("=").map((part) => part.trim());
      if (name.toLowerCase() !== "q") continue;
      if (QVALUE.test(value)) quality = Number(value);
      else malformed = true;
    }
    if (!malformed) ranges.push({ tag, quality, position: ranges.length });
  }
  return ranges;
}

/**
 * How closely a range names a locale: 3 the same tag, 2 the same language with a region or script on
 * one side (`ko-KR` for `ko`), 1 the wildcard, 0 no match. The closest range decides the locale's
 * quality, so `en;q=0, *` accepts every language but English.
 */
function specificity(range: string, locale: string): number {
  if (range === locale) return 3;
  if (range.startsWith(`${locale}-`) || locale.startsWith(`${range}-`)) return 2;
  if (range === "*") return 1;
  return 0;
}

/**
 * The supported locale the browser prefers most (highest quality; on a tie, the one named first), or
 * undefined when it accepts none of them. `ko-KR,ko;q=0.9` → ko, `it-CH` → it, `fr, it;q=0.5` → it.
 */
export function negotiateLocale(header: string | null | undefined, supported: readonly Locale[] = LOCALES): Locale | undefined {
  if (!header) return undefined;
  const ranges = parseAcceptLanguage(header);
  let best: { locale: Locale; quality: number; position: number } | undefined;
  for (const locale of supported) {
    let match: { quality: number; position: number; specificity: number } | undefined;
    for (const range of ranges) {
      const closeness = specificity(range.tag, locale);
      if (closeness === 0) continue;
      // Closest first; among equally close ranges (`ko-KR;q=0.5, ko-KP`), the better quality.
      if (!match || closeness > match.specificity || (closeness === match.specificity && range.quality > match.quality)) {
        match = { quality: range.quality, position: range.position, specificity: closeness };
      }
    }
    if (!match || match.quality === 0) continue;
    if (!best || match.quality > best.quality || (match.quality === best.quality && match.position < best.position)) {
      best = { locale, quality: match.quality, position: match.position };
    }
  }
  return best?.locale;
}
