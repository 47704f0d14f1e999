// Word lists and sentence templates for the benchmark's bulk data: a support desk of an analytics /
// BI vendor, like the demo data, in English, Italian and Korean. The generator (../generate.ts)
// renders pools of subjects, paragraphs and chat lines from these with a seeded random generator,
// and the database then combines pool entries per row — set-based SQL instead of one INSERT per row.

export type Language = "en" | "it" | "ko";

/** Words the benchmark searches for; the generator places them on purpose (see generate.ts). */
export const SEARCH_WORDS = {
  /** In a large share of English texts (a product term). */
  common: "dashboard",
  /** Planted in about 1 in 25,000 requests, and in a few of alice's. */
  rare: "heliotrope",
  /** Korean for "dashboard", common in Korean texts; searched by two-character pieces. */
  korean: "대시보드",
  /** Found nowhere, though each of its pieces (대시, 시보, 보고) is in many Korean texts: every candidate is rechecked. */
  koreanUnmatched: "대시보고",
} as const;

// A small, seeded generator (mulberry32): the same seed gives the same data on every run.
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks skewed towards the front of the list, like word frequencies: the first entries are common. */
function pickSkewed<T>(random: () => number, items: readonly T[], skew = 2): T {
  return items[Math.floor(Math.pow(random(), skew) * items.length)] as T;
}

const EN = {
  feature: [
    "dashboard", "report", "scheduled report", "export", "chart", "data source", "connector", "filter", "pivot table", "alert",
    "workspace", "query", "dataset", "embed", "API token", "webhook", "subscription", "drill-down", "calculated field", "tile",
    "SSO login", "user group", "row-level security", "audit log", "email digest", "mobile app", "theme", "semantic layer",
    "refresh schedule", "CSV upload", "Excel export", "PDF export", "map visualisation", "funnel chart", "cohort analysis",
  ],
  source: ["Snowflake", "BigQuery", "PostgreSQL", "Redshift", "SQL Server", "Salesforce", "HubSpot", "Google Sheets", "MySQL", "Databricks", "Oracle", "S3 bucket"],
  symptom: [
    "fails with a timeout", "shows no data", "loads very slowly", "returns a 502 error", "shows the wrong totals", "is missing rows",
    "stopped refreshing", "renders a blank page", "throws a permission error", "duplicates every row", "ignores the filter",
    "shows yesterday's numbers", "crashes the browser tab", "sends the email twice", "uses the wrong timezone", "cuts off long labels",
  ],
  when: [
    "since this morning", "after the last upgrade", "since Monday", "only for some users", "when the date range is longer than a year",
    "on Chrome but not on Firefox", "every night around 2 am", "after we rotated our credentials", "for users in the Sales group",
    "only on the mobile app", "when we export more than 10,000 rows", "after the migration to the new workspace", "intermittently",
  ],
  person: ["our finance team", "the sales managers", "our CEO", "two analysts", "the whole support team", "our auditors", "the regional leads", "new hires"],
  adjective: ["urgent", "quick", "small", "strange", "recurring", "critical", "minor", "new", "old"],
};

const EN_SUBJECTS: ((r: () => number) => string)[] = [
  (r) => `${cap(pickSkewed(r, EN.feature))} ${pickSkewed(r, EN.symptom)}`,
  (r) => `${cap(pickSkewed(r, EN.feature))} ${pickSkewed(r, EN.symptom)} ${pickSkewed(r, EN.when)}`,
  (r) => `${pickSkewed(r, EN.source)} ${pickSkewed(r, EN.feature)} ${pickSkewed(r, EN.symptom)}`,
  (r) => `How do I set up a ${pickSkewed(r, EN.feature)} for ${pickSkewed(r, EN.person)}?`,
  (r) => `Question about ${pickSkewed(r, EN.feature)} permissions`,
  (r) => `${cap(pickSkewed(r, EN.adjective))} issue with the ${pickSkewed(r, EN.source)} connector`,
  (r) => `Can we change the default ${pickSkewed(r, EN.feature)} settings?`,
  (r) => `Dashboard ${pickSkewed(r, EN.symptom)}`,
];

const EN_SENTENCES: ((r: () => number) => string)[] = [
  (r) => `Our ${pickSkewed(r, EN.feature)} ${pickSkewed(r, EN.symptom)} ${pickSkewed(r, EN.when)}.`,
  (r) => `The ${pickSkewed(r, EN.feature)} on the sales dashboard ${pickSkewed(r, EN.symptom)}.`,
  (r) => `We connect to ${pickSkewed(r, EN.source)} and nothing changed on our side as far as I know.`,
  (r) => `This affects ${pickSkewed(r, EN.person)}, so it is fairly ${pickSkewed(r, EN.adjective)} for us.`,
  (r) => `Could you check the ${pickSkewed(r, EN.feature)} logs for our workspace?`,
  () => `Thanks for the quick answer, I will try that and let you know.`,
  (r) => `I changed the ${pickSkewed(r, EN.feature)} settings as you suggested and it works now.`,
  (r) => `It still ${pickSkewed(r, EN.symptom)}, I attached a screenshot of the dashboard.`,
  (r) => `Hi, thanks for the details. A ${pickSkewed(r, EN.feature)} that ${pickSkewed(r, EN.symptom)} usually means the query against ${pickSkewed(r, EN.source)} takes longer than the limit.`,
  (r) => `Could you open Admin → Data sources → ${pickSkewed(r, EN.source)} and send us the connection test result?`,
  (r) => `Our engineers reproduced it: the ${pickSkewed(r, EN.feature)} ${pickSkewed(r, EN.symptom)} ${pickSkewed(r, EN.when)}.`,
  (r) => `A fix is planned for the next release; until then please use the ${pickSkewed(r, EN.feature)} instead.`,
  () => `I'll mark this request as solved; just reply here if it comes back.`,
  (r) => `Just checking in: did the change to the ${pickSkewed(r, EN.feature)} help?`,
  () => `The dashboard is much faster now, thank you!`,
  (r) => `Please keep this open, ${pickSkewed(r, EN.person)} still see the problem.`,
];

const EN_CHAT: ((r: () => number) => string)[] = [
  (r) => `Hi, the ${pickSkewed(r, EN.feature)} ${pickSkewed(r, EN.symptom)}.`,
  () => "Thanks, let me have a look.",
  (r) => `Which ${pickSkewed(r, EN.source)} connection does it use?`,
  () => "The one called production, I think.",
  (r) => `Can you try to refresh the ${pickSkewed(r, EN.feature)} now?`,
  () => "Yes, that worked!",
  () => "I'll add a summary to the request.",
  (r) => `It happens ${pickSkewed(r, EN.when)}.`,
];

const IT = {
  feature: ["dashboard", "report", "report pianificato", "esportazione", "grafico", "origine dati", "connettore", "filtro", "tabella pivot", "avviso", "area di lavoro", "attività pianificata", "accesso SSO", "registro di controllo"],
  symptom: ["non si aggiorna", "è molto lento", "non mostra dati", "restituisce un errore 502", "mostra totali sbagliati", "si blocca", "invia l'email due volte", "usa il fuso orario sbagliato"],
  when: ["da stamattina", "dopo l'ultimo aggiornamento", "da lunedì", "solo per alcuni utenti", "ogni notte", "solo su Chrome", "a intermittenza"],
  person: ["il team finanza", "i responsabili vendite", "il nostro direttore", "due analisti", "tutta la contabilità"],
};

const IT_SUBJECTS: ((r: () => number) => string)[] = [
  (r) => `${cap(pickSkewed(r, IT.feature))} ${pickSkewed(r, IT.symptom)}`,
  (r) => `${cap(pickSkewed(r, IT.feature))} ${pickSkewed(r, IT.symptom)} ${pickSkewed(r, IT.when)}`,
  (r) => `Domanda su ${pickSkewed(r, IT.feature)} e permessi`,
  (r) => `Problema con il connettore ${pickSkewed(r, EN.source)}`,
];

const IT_SENTENCES: ((r: () => number) => string)[] = [
  (r) => `Buongiorno, il ${pickSkewed(r, IT.feature)} ${pickSkewed(r, IT.symptom)} ${pickSkewed(r, IT.when)}.`,
  (r) => `Il problema riguarda ${pickSkewed(r, IT.person)}, quindi per noi è abbastanza urgente.`,
  (r) => `Ci colleghiamo a ${pickSkewed(r, EN.source)} e non abbiamo cambiato nulla.`,
  () => "Grazie per la risposta rapida, provo e vi faccio sapere.",
  (r) => `Ho modificato le impostazioni del ${pickSkewed(r, IT.feature)} come suggerito e ora funziona.`,
  (r) => `Ciao, grazie per i dettagli. Può controllare l'attività del ${pickSkewed(r, IT.feature)} nella sua area di lavoro?`,
  () => "Segno la richiesta come risolta; basta rispondere qui se il problema si ripresenta.",
  (r) => `Il ${pickSkewed(r, IT.feature)} ${pickSkewed(r, IT.symptom)} ancora, allego uno screenshot.`,
];

const IT_CHAT: ((r: () => number) => string)[] = [
  (r) => `Salve, il ${pickSkewed(r, IT.feature)} ${pickSkewed(r, IT.symptom)}.`,
  () => "Grazie, controllo subito.",
  () => "Può riprovare adesso?",
  () => "Sì, ora funziona!",
];

const KO = {
  feature: ["대시보드", "보고서", "예약 보고서", "내보내기", "차트", "데이터 원본", "커넥터", "필터", "피벗 테이블", "알림", "작업 공간", "감사 로그", "SSO 로그인"],
  symptom: ["가 로딩되지 않습니다", "가 너무 느립니다", "에 데이터가 표시되지 않습니다", "에서 502 오류가 발생합니다", "의 합계가 맞지 않습니다", "가 새로 고쳐지지 않습니다"],
  when: ["오늘 아침부터", "지난 업데이트 이후", "월요일부터", "일부 사용자에게만", "매일 밤", "가끔"],
};

const KO_SUBJECTS: ((r: () => number) => string)[] = [
  (r) => `${pickSkewed(r, KO.feature)}${pickSkewed(r, KO.symptom)}`,
  (r) => `${pickSkewed(r, KO.when)} ${pickSkewed(r, KO.feature)}${pickSkewed(r, KO.symptom)}`,
  (r) => `${pickSkewed(r, EN.source)} 커넥터 문의`,
  (r) => `${pickSkewed(r, KO.feature)} 권한 설정 문의`,
];

const KO_SENTENCES: ((r: () => number) => string)[] = [
  (r) => `안녕하세요, ${pickSkewed(r, KO.when)} ${pickSkewed(r, KO.feature)}${pickSkewed(r, KO.symptom)}.`,
  (r) => `${pickSkewed(r, EN.source)}에 연결되어 있으며 저희 쪽에서는 변경한 것이 없습니다.`,
  () => "빠른 답변 감사합니다. 확인 후 다시 연락드리겠습니다.",
  (r) => `말씀하신 대로 ${pickSkewed(r, KO.feature)} 설정을 변경했더니 이제 잘 됩니다.`,
  (r) => `자세한 내용 감사합니다. ${pickSkewed(r, KO.feature)} 로그를 확인해 주시겠어요?`,
  () => "이 요청을 해결됨으로 표시하겠습니다. 문제가 다시 생기면 여기에 답장해 주세요.",
  (r) => `아직도 ${pickSkewed(r, KO.feature)}${pickSkewed(r, KO.symptom)}. 스크린샷을 첨부합니다.`,
];

const KO_CHAT: ((r: () => number) => string)[] = [
  (r) => `안녕하세요, ${pickSkewed(r, KO.feature)}${pickSkewed(r, KO.symptom)}.`,
  () => "확인해 보겠습니다.",
  () => "지금 다시 시도해 주시겠어요?",
  () => "네, 이제 됩니다!",
];

const TEXTS: Record<Language, { subjects: typeof EN_SUBJECTS; sentences: typeof EN_SENTENCES; chat: typeof EN_CHAT }> = {
  en: { subjects: EN_SUBJECTS, sentences: EN_SENTENCES, chat: EN_CHAT },
  it: { subjects: IT_SUBJECTS, sentences: IT_SENTENCES, chat: IT_CHAT },
  ko: { subjects: KO_SUBJECTS, sentences: KO_SENTENCES, chat: KO_CHAT },
};

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function render(random: () => number, templates: readonly ((r: () => number) => string)[]): string {
  return (templates[Math.floor(random() * templates.length)] as (r: () => number) => string)(random);
}

export interface TextPools {
  subject: string[];
  /** Two to four sentences: a description or a reply. */
  paragraph: string[];
  chat: string[];
}

/** Distinct-enough texts per language; rows pick from them by a hash of their id. */
export function buildTextPools(language: Language, size: number, seed: number): TextPools {
  const random = randomGenerator(seed);
  const { subjects, sentences, chat } = TEXTS[language];
  const paragraph = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => render(random, sentences)).join(" ");
  return {
    subject: Array.from({ length: size }, () => render(random, subjects)),
    paragraph: Array.from({ length: size }, paragraph),
    chat: Array.from({ length: size }, () => render(random, chat)),
  };
}

// Names of the generated people; organizations are named after a place and a kind of company.
export const FIRST_NAMES = [
  "Anna", "Marco", "Ji-woo", "Liam", "Sofia", "Min-jun", "Olivia", "Luca", "Seo-yeon", "Noah", "Giulia", "Hyun-woo", "Emma",
  "Matteo", "Ye-jin", "James", "Chiara", "Do-yun", "Mia", "Alessandro", "Su-bin", "Lucas", "Francesca", "Ethan", "Elena",
];
export const LAST_NAMES = [
  "Smith", "Rossi", "Kim", "Johnson", "Russo", "Lee", "Brown", "Ferrari", "Park", "Garcia", "Bianchi", "Choi", "Miller",
  "Romano", "Jung", "Davis", "Colombo", "Kang", "Wilson", "Ricci", "Cho", "Taylor", "Marino", "Yoon", "Clark",
];
export const PLACES = ["North", "Blue", "Silver", "Red", "Harbor", "Summit", "River", "Pine", "Granite", "Bright", "Coastal", "Iron", "Golden", "Maple", "Lake"];
export const KINDS = ["Logistics", "Retail", "Health", "Energy", "Foods", "Bank", "Insurance", "Media", "Labs", "Motors", "Telecom", "Pharma", "Travel", "Games"];
