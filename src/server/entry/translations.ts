// The server's translator: next-intl's getTranslations, with the parsed messages shared between
// requests. next-intl keeps what it parses (a message with placeholders becomes a format, ~50 µs each)
// for one request only, so every page parsed its messages again. A parsed message follows from its
// text, its language and the viewer's time zone alone, so the formatters are kept per language and
// time zone for the whole process; the most recently used few, since a time zone is the viewer's.
import "server-only";
import { cache } from "react";
import { _createCache, _createIntlFormatters, createTranslator, type Messages } from "next-intl";
import { getLocale, getMessages, getTimeZone, getTranslations as translationsPerRequest } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import { BoundedCache } from "@/server/runtime/bounded-cache";

const FORMATTER_SETS = 24;

interface FormatterSet {
  cache: ReturnType<typeof _createCache>;
  formatters: ReturnType<typeof _createIntlFormatters>;
}

const formatterSets = new BoundedCache<FormatterSet>(FORMATTER_SETS, () => 1);

/** The parsed messages and Intl formatters of one language and time zone (exported for its test). */
export function formatterSet(locale: string, timeZone: string): FormatterSet {
  return formatterSets.get(`${locale} ${timeZone}`, () => {
    const formatCache = _createCache();
    return { cache: formatCache, formatters: _createIntlFormatters(formatCache) };
  });
}

/** A translator whose parsed messages are shared with every other one for the same language and time zone. */
export function sharedTranslator({ locale, messages, timeZone, namespace }: { locale: Locale; messages: Messages; timeZone: string; namespace?: string }) {
  const shared = formatterSet(locale, timeZone);
  // The namespace was checked by the exported signature below.
  return createTranslator({ locale, messages, timeZone, namespace: namespace as never, _cache: shared.cache, _formatters: shared.formatters });
}

const translator = cache(async (namespace: string | undefined) => {
  const [locale, messages, timeZone] = await Promise.all([getLocale(), getMessages(), getTimeZone()]);
  return sharedTranslator({ locale, messages, timeZone, namespace });
});

type GetTranslations = typeof translationsPerRequest;

/** The request's translator for a namespace, as next-intl's `getTranslations` gives it. */
export const getTranslations = ((options?: string | { namespace?: string; locale?: string }) => {
  // Another language than the request's is next-intl's own business (it loads that catalog).
  if (typeof options === "object" && options.locale !== undefined) return translationsPerRequest(options as Parameters<GetTranslations>[0]);
  return translator(typeof options === "object" ? options.namespace : options);
}) as GetTranslations;
