import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import {
  HOLD_REASON_DEFINITIONS,
  PRIORITY_DEFINITIONS,
  SOLVED_REASON_DEFINITIONS,
  STATUS_DEFINITIONS,
} from "@/domain/vocabulary";
import { LOCALES, type Locale } from "./locales";
import en from "./messages/en.json";
import it_ from "./messages/it.json";
import ko from "./messages/ko.json";

const CATALOGUES: Record<Locale, unknown> = { en, ko, it: it_ };

/** Every text of a message file by its dotted key. */
function flatten(node: unknown, prefix = ""): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (typeof node !== "object" || node === null || Array.isArray(node)) {
    entries.set(prefix, node);
    return entries;
  }
  for (const [key, value] of Object.entries(node)) {
    // next-intl reads dots as nesting, so a key with a dot in it could never be found.
    if (key === "" || key.includes(".")) throw new Error(`Invalid message key ${JSON.stringify(key)} under ${JSON.stringify(prefix)}`);
    for (const entry of flatten(value, prefix ? `${prefix}.${key}` : key)) entries.set(...entry);
  }
  return entries;
}

/** The arguments and rich-text tags a message uses, from its ICU syntax tree, e.g. `count`, `<link>`. */
function placeholders(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.tag) {
      found.add(`<${element.value}>`);
      placeholders(element.children, found);
    } else if (element.type === TYPE.plural || element.type === TYPE.select) {
      found.add(element.value);
      for (const option of Object.values(element.options)) placeholders(option.value, found);
    } else if (element.type !== TYPE.literal && element.type !== TYPE.pound) {
      found.add(element.value);
    }
  }
  return found;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(CATALOGUES[locale])])) as Record<Locale, Map<string, unknown>>;
const englishKeys = [...flat.en.keys()].sort();

describe("message files", () => {
  it.each(LOCALES)("%s has exactly the English keys", (locale) => {
    expect([...flat[locale].keys()].sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)("%s has a non-empty text for every key", (locale) => {
    for (const [key, value] of flat[locale]) {
      expect(typeof value === "string" && value.trim() !== "", `${locale}: ${key}`).toBe(true);
    }
  });

  it.each(LOCALES.filter((locale) => locale !== "en"))("%s uses the same ICU placeholders as English, key by key", (locale) => {
    for (const key of englishKeys) {
      const expected = placeholders(parse(String(flat.en.get(key))));
      const actual = placeholders(parse(String(flat[locale].get(key))));
      expect([...actual].sort(), `${locale}: ${key}`).toEqual([...expected].sort());
    }
  });
});

describe("the domain's translation keys", () => {
  const keys = [
    ...Object.values(STATUS_DEFINITIONS).flatMap((definition) => [definition.labelKey, definition.meaningKey]),
    ...Object.values(PRIORITY_DEFINITIONS).flatMap((definition) => [definition.labelKey, definition.definitionKey]),
    ...Object.values(SOLVED_REASON_DEFINITIONS).map((definition) => definition.labelKey),
    ...Object.values(HOLD_REASON_DEFINITIONS).map((definition) => definition.labelKey),
  ];

  it.each(LOCALES)("all have a text in %s", (locale) => {
    for (const key of keys) expect(flat[locale].has(key), `${locale}: ${key}`).toBe(true);
  });
});

// docs/product.md §9: the glossary's terms, exactly.
describe("glossary terms", () => {
  const glossary: Array<[key: string, en: string, ko: string, it: string]> = [
    ["organization.customerPortal", "Customer portal", "고객 포털", "Portale clienti"],
    ["profileMenu.supportRequests", "Support requests", "지원 요청", "Richieste di assistenza"],
    ["myRequests.title", "My Requests", "내 요청", "Le mie richieste"],
    ["signIn.title", "Sign in", "로그인", "Accedi"],
    ["signIn.submit", "Sign in", "로그인", "Accedi"],
    ["header.signIn", "Sign in", "로그인", "Accedi"],
    ["myRequests.search", "Search", "검색", "Cerca"],
    ["myRequests.columns.subject", "Subject", "제목", "Oggetto"],
    ["myRequests.columns.id", "ID", "ID", "Id"],
    ["myRequests.columns.created", "Created", "생성됨", "Creata"],
    ["myRequests.columns.lastActivity", "Last activity", "마지막 활동", "Ultima attività"],
    ["myRequests.columns.status", "Status", "상태", "Stato"],
    ["request.status", "Status", "상태", "Stato"],
    ["request.priority", "Priority", "우선순위", "Priorità"],
    ["priority.S1.label", "S1-Urgent", "S1-긴급", "S1-Urgent"],
    ["priority.S2.label", "S2-High", "S2-높음", "S2-High"],
    ["priority.S3.label", "S3-Tolerable", "S3-허용", "S3-Tolerable"],
    ["priority.S4.label", "S4-Question", "S4-질문", "S4-Question"],
    ["status.open.label", "Open", "열기", "Aperta"],
    ["status.pending.label", "Pending", "응답 대기", "In attesa di una risposta"],
    ["status.on_hold.label", "On-hold", "보류 중", "In attesa"],
    ["status.solved.label", "Solved", "해결됨", "Risolto"],
    ["request.reopen", "Reopen", "다시 열기", "Riaprire"],
    ["request.chatTranscripts", "Chat transcripts", "채팅 스크립트", "Trascrizioni della chat"],
    ["request.responses", "Responses", "티켓 응답", "Risposte"],
    ["request.details", "Details", "티켓 세부정보", "Dettagli"],
    ["organization.technicalContact", "Technical contact", "기술 담당자", "Contatto tecnico"],
    ["organization.organizationLevelAccess", "Organization-level access", "조직 수준 액세스", "Accesso a livello di organizzazione"],
    ["organization.admin", "Admin", "관리자", "Amministratore"],
    ["solvedReason.merged.label", "Merged", "병합됨", "Unito"],
  ];

  it.each(glossary)("%s", (key, english, korean, italian) => {
    expect([flat.en.get(key), flat.ko.get(key), flat.it.get(key)]).toEqual([english, korean, italian]);
  });
});

describe("time.daysAgo", () => {
  const cases: Array<[locale: Locale, count: number, expected: string]> = [
    ["en", 0, "today"],
    ["en", 1, "1 day"],
    ["en", 2, "2 days"],
    ["en", 1200, "1,200 days"],
    ["ko", 0, "오늘"],
    ["ko", 1, "1일"],
    ["ko", 12, "12일"],
    ["it", 0, "oggi"],
    ["it", 1, "1 giorno"],
    ["it", 3, "3 giorni"],
  ];

  it.each(cases)("%s, %i → %s", (locale, count, expected) => {
    const t = createTranslator({ locale, messages: CATALOGUES[locale] as typeof en, namespace: "time" });
    expect(t("daysAgo", { count })).toBe(expected);
  });
});
