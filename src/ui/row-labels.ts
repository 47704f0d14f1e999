import "server-only";
import { getLocale, getTimeZone } from "next-intl/server";
import { PRIORITY_CODES, PRIORITY_DEFINITIONS, REQUEST_STATUSES, STATUS_DEFINITIONS, type PriorityCode, type RequestStatus } from "@/domain";
import { formatDateTime, formatRelativeDuration, formatRelativeTime } from "@/i18n/format";
import type { Locale } from "@/i18n/locales";
import { getTranslations } from "@/server/entry/translations";
import type { RowDate } from "./row-date";

// What a list's rows show in the viewer's language and time zone, looked up once for the whole list.
// The rows' cells are then plain functions of their props: a cell that awaited its own translator
// made the server render one deferred task per cell (four or five per row), each serialized apart.
// The rows themselves are client components given their texts as data (docs/decisions/0020).

/** How a row's dates read: the viewer's language and time zone. */
export interface DateFormat {
  locale: Locale;
  timeZone: string;
}

/** The statuses' and priorities' names in the viewer's language, for a list's badges. */
export interface BadgeLabels {
  status: Record<RequestStatus, string>;
  priority: Record<PriorityCode, string>;
}

export interface RowLabels extends DateFormat, BadgeLabels {}

export async function rowLabels(): Promise<RowLabels> {
  const [t, locale, timeZone] = await Promise.all([getTranslations(), getLocale(), getTimeZone()]);
  return {
    status: Object.fromEntries(REQUEST_STATUSES.map((status) => [status, t(STATUS_DEFINITIONS[status].labelKey)])) as Record<RequestStatus, string>,
    priority: Object.fromEntries(PRIORITY_CODES.map((code) => [code, t(PRIORITY_DEFINITIONS[code].labelKey)])) as Record<PriorityCode, string>,
    locale,
    timeZone,
  };
}

/** A row's date: how long ago, and the exact moment. */
export function rowDate(date: Date, now: Date, { locale, timeZone }: DateFormat): RowDate {
  return { iso: date.toISOString(), relative: formatRelativeTime(date, now, locale, timeZone), exact: formatDateTime(date, locale, timeZone) };
}

/** When something is due, either way from now ("in 45 minutes", "3 hours ago"), and the exact moment. */
export function rowDueDate(dueAt: Date, now: Date, { locale, timeZone }: DateFormat): RowDate {
  return { iso: dueAt.toISOString(), relative: formatRelativeDuration(dueAt, now, locale), exact: formatDateTime(dueAt, locale, timeZone) };
}
