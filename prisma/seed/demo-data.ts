// Demo data for Portico: two customer organizations, a small support team and 66 scripted support
// requests for a vendor of an analytics / BI platform. Pure data — no database code. The builder in
// ./seed-demo-data.ts plays each request script through the workflow rules of src/domain, which
// decide statuses, reminders and due times, so the scripts below only say *what happens*, in order —
// and a step the rules would refuse stops the seed.

import type { AccessApprovalState, Channel, Locale, Priority } from "@/generated/prisma/enums";

/** The demo password of every demo user; the caller hashes it once. */
export const DEMO_PASSWORD = "portico-demo";

/** A read-write API token of Alice's, so the README's curl examples work on the demo data (docs/api.md). Demo data, like the password. */
export const DEMO_API_TOKEN = "ptc_demo_alice_portico_demo_token_0001";

/** Appears only in internal notes: proves internal notes never reach a customer's search. */
export const INTERNAL_ONLY_WORD = "kerfuffle";

/** Appears exactly once, in one public customer reply (request 1022), and nowhere else. */
export const PUBLIC_REPLY_ONLY_WORD = "marmalade";

export const PUBLIC_REPLY_ONLY_REQUEST_ID = 1022;

// ---------------------------------------------------------------------------------------------
// Organizations and users
// ---------------------------------------------------------------------------------------------

export type OrgKey = "acme" | "globex";
export type AgentKey = "agent" | "sam" | "hana";
export type CustomerKey = "alice" | "bob" | "carol" | "dave" | "erin" | "gina" | "jiho" | "paolo";
export type UserKey = AgentKey | CustomerKey;

export interface DemoOrganization {
  id: string;
  name: string;
  slug: string;
  createdDaysAgo: number;
}

export interface DemoMembership {
  org: OrgKey;
  isTechnicalContact: boolean;
  isAdmin: boolean;
}

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  /** Null: the UI follows the browser's Accept-Language. */
  locale: Locale | null;
  isAgent: boolean;
  createdDaysAgo: number;
  /** Agents belong to no organization. */
  membership: DemoMembership | null;
}

export const DEMO_ORGANIZATIONS: Record<OrgKey, DemoOrganization> = {
  acme: { id: "seed-org-acme", name: "Acme Corporation", slug: "acme", createdDaysAgo: 430 },
  globex: { id: "seed-org-globex", name: "Globex", slug: "globex", createdDaysAgo: 415 },
};

export const AGENT_KEYS: readonly AgentKey[] = ["agent", "sam", "hana"];

export const DEMO_USERS: Record<UserKey, DemoUser> = {
  // Support team.
  agent: { id: "seed-user-agent", email: "agent@portico.test", name: "Morgan Ellis", locale: null, isAgent: true, createdDaysAgo: 440, membership: null },
  sam: { id: "seed-user-sam", email: "sam@portico.test", name: "Sam Moretti", locale: "it", isAgent: true, createdDaysAgo: 438, membership: null },
  hana: { id: "seed-user-hana", email: "hana@portico.test", name: "Hana Seo", locale: "ko", isAgent: true, createdDaysAgo: 436, membership: null },
  // Acme Corporation.
  alice: { id: "seed-user-alice", email: "alice@acme.test", name: "Alice Whitmore", locale: null, isAgent: false, createdDaysAgo: 428, membership: { org: "acme", isTechnicalContact: false, isAdmin: false } },
  bob: { id: "seed-user-bob", email: "bob@acme.test", name: "Bob Nakamura", locale: null, isAgent: false, createdDaysAgo: 426, membership: { org: "acme", isTechnicalContact: false, isAdmin: false } },
  carol: { id: "seed-user-carol", email: "carol@acme.test", name: "Carol Jensen", locale: null, isAgent: false, createdDaysAgo: 425, membership: { org: "acme", isTechnicalContact: true, isAdmin: false } },
  dave: { id: "seed-user-dave", email: "dave@acme.test", name: "Dave Whitfield", locale: null, isAgent: false, createdDaysAgo: 429, membership: { org: "acme", isTechnicalContact: false, isAdmin: true } },
  erin: { id: "seed-user-erin", email: "erin@acme.test", name: "Erin Yoon", locale: null, isAgent: false, createdDaysAgo: 300, membership: { org: "acme", isTechnicalContact: true, isAdmin: false } },
  // Globex.
  gina: { id: "seed-user-gina", email: "gina@globex.test", name: "Gina Marchetti", locale: null, isAgent: false, createdDaysAgo: 413, membership: { org: "globex", isTechnicalContact: false, isAdmin: false } },
  jiho: { id: "seed-user-jiho", email: "jiho@globex.test", name: "Ji-ho Park", locale: "ko", isAgent: false, createdDaysAgo: 400, membership: { org: "globex", isTechnicalContact: true, isAdmin: false } },
  paolo: { id: "seed-user-paolo", email: "paolo@globex.test", name: "Paolo Greco", locale: "it", isAgent: false, createdDaysAgo: 410, membership: { org: "globex", isTechnicalContact: false, isAdmin: true } },
};

// ---------------------------------------------------------------------------------------------
// The request-script DSL
// ---------------------------------------------------------------------------------------------

/**
 * When a step happens, relative to the previous step (or to the request's creation for the first).
 * Omitted: the builder picks a plausible, deterministic delay for the kind of step — except for
 * reminders and no-response solves, whose time the script gives and the reminder policy checks.
 */
export interface Timing {
  after?: number; // hours
  days?: number; // whole days, added to `after`
}

/** A chat line: "c" is the customer who started the chat, "a" the agent answering it. */
export type ChatLine = readonly ["c" | "a", string];

export interface BugReport {
  reference: string;
  priority: Priority;
  /** Estimated time to resolution, in days after the request was solved. */
  etaDays: number;
}

export type Step =
  | { kind: "customer"; body: string; by?: CustomerKey; channel?: Channel; at: Timing }
  | { kind: "agent"; body: string; by?: AgentKey; status?: "pending" | "open"; at: Timing }
  | { kind: "note"; body: string; by?: AgentKey; at: Timing }
  | { kind: "hold"; reason: string; by?: AgentKey; at: Timing }
  | { kind: "reclassify"; to: Priority; reason: string; by?: AgentKey; at: Timing }
  | { kind: "chat"; lines: readonly ChatLine[]; by?: CustomerKey; agent?: AgentKey; at: Timing }
  | { kind: "cc"; user: CustomerKey; by?: UserKey; at: Timing }
  | { kind: "remind"; body: string; by?: AgentKey; at: Timing }
  | { kind: "solve"; reason: "agreed" | "no_response" | "bug_reported"; bug?: BugReport; by?: AgentKey; at: Timing }
  | { kind: "merge"; into: number; by?: AgentKey; at: Timing };

export interface AccessSpec {
  approvalState: AccessApprovalState;
  /** The technical contact who must approve an admin's request. */
  approver?: CustomerKey;
  /** Hours after the request was created when the approver decided. */
  decidedAfterHours?: number;
  note?: string;
  /** Grant organization-level access when the request is first solved. */
  grant?: boolean;
}

export interface RequestScript {
  id: number;
  org: OrgKey;
  requester: CustomerKey;
  /** Agent doing the steps that name none. Default "agent". */
  handler?: AgentKey;
  channel?: Channel; // default web
  /** Priority at creation; reclassify() steps change it. */
  priority: Priority;
  /** Created this long before `now`: [days, hours]. */
  ago: readonly [number, number];
  subject: string;
  description: string;
  steps: readonly Step[];
  /** Makes this a dedicated organization-access request. */
  access?: AccessSpec;
}

type With<T> = T & Timing;
const at = (t: Timing): Timing => ({ after: t.after, days: t.days });

/** A public reply from a customer (the requester unless `by`). */
export const customer = (body: string, o: With<{ by?: CustomerKey; channel?: Channel }> = {}): Step => ({ kind: "customer", body, by: o.by, channel: o.channel, at: at(o) });
/** A public reply from an agent; `status` changes the status along with the reply, else the status stays. */
export const agent = (body: string, o: With<{ by?: AgentKey; status?: "pending" | "open" }> = {}): Step => ({ kind: "agent", body, by: o.by, status: o.status, at: at(o) });
/** A public agent reply that leaves the request waiting on the customer. */
export const ask = (body: string, o: With<{ by?: AgentKey }> = {}): Step => agent(body, { ...o, status: "pending" });
/** An internal note (agents only). */
export const note = (body: string, o: With<{ by?: AgentKey }> = {}): Step => ({ kind: "note", body, by: o.by, at: at(o) });
export const hold = (reason: string, o: With<{ by?: AgentKey }> = {}): Step => ({ kind: "hold", reason, by: o.by, at: at(o) });
export const reclassify = (to: Priority, reason: string, o: With<{ by?: AgentKey }> = {}): Step => ({ kind: "reclassify", to, reason, by: o.by, at: at(o) });
export const chat = (lines: readonly ChatLine[], o: With<{ by?: CustomerKey; agent?: AgentKey }> = {}): Step => ({ kind: "chat", lines, by: o.by, agent: o.agent, at: at(o) });
export const cc = (user: CustomerKey, o: With<{ by?: UserKey }> = {}): Step => ({ kind: "cc", user, by: o.by, at: at(o) });
/** A reminder to a requester who has not answered (public, flagged as a reminder). */
export const remind = (body: string, o: With<{ by?: AgentKey }> = {}): Step => ({ kind: "remind", body, by: o.by, at: at(o) });
export const solve = (reason: "agreed" | "no_response", o: With<{ by?: AgentKey }> = {}): Step => ({ kind: "solve", reason, by: o.by, at: at(o) });
export const solveBug = (bug: BugReport, o: With<{ by?: AgentKey }> = {}): Step => ({ kind: "solve", reason: "bug_reported", bug, by: o.by, at: at(o) });
export const merge = (into: number, o: With<{ by?: AgentKey }> = {}): Step => ({ kind: "merge", into, by: o.by, at: at(o) });

// ---------------------------------------------------------------------------------------------
// The requests, oldest first (ids must ascend with creation time, like a real sequence)
// ---------------------------------------------------------------------------------------------

export const REQUEST_SCRIPTS: readonly RequestScript[] = [
  {
    id: 1001, org: "acme", requester: "alice", priority: "S3", ago: [398, 3],
    subject: "Scheduled report emails arrive with a blank PDF attachment",
    description: `Since Monday our "Weekly Pipeline Summary" scheduled report arrives on time, but the attached PDF is a single blank page. The dashboard itself renders fine in the browser and the PNG option works.

Schedule ID is 88213 if that helps. Nothing changed on our side as far as I know.`,
    steps: [
      ask("Hi Alice, thanks for the details and the schedule ID. A blank PDF usually means the renderer gave up before the tiles finished loading — that dashboard has 14 tiles and two of them query the full opportunity history. Could you set Schedule → Advanced → \"Wait for tiles (seconds)\" to 30 and let me know whether the next delivery is complete?"),
      customer("Set it to 30 and hit \"Send now\". The PDF has content now, but the last two tiles still show the loading spinner."),
      note("Renderer log for schedule 88213: tiles 12 and 13 finish at 41s and 47s. Both scan opportunity_history with no date filter."),
      ask("Thanks, that narrows it down. \"Historical win rate\" and \"Pipeline by quarter (all time)\" take 41 and 47 seconds. Two options: raise the wait to 60 seconds, or give those two tiles a date filter (e.g. last 8 quarters) so they return in a few seconds. The second one is the better long-term fix and also speeds up the dashboard itself."),
      customer("We went with the date filter — much faster in the dashboard too. Today's delivery was complete. Thanks!"),
      agent("Great to hear. I'll mark this as solved; just reply here if the blank pages come back."),
      solve("agreed"),
    ],
  },
  {
    id: 1002, org: "globex", requester: "gina", channel: "email", priority: "S4", ago: [392, 6],
    subject: "Invoice INV-20931 bills 45 seats, we have 38 active users",
    description: `Hello,

our latest invoice (INV-20931) bills 45 seats, but in the admin console I count 38 active users. Can you explain the difference? We need to approve the invoice by the end of the month.

Thanks,
Gina`,
    steps: [
      ask("Hi Gina, seats are billed on the highest number of active users during the billing period. Seven users were deactivated on the 14th, after the period had started, so they still count on this invoice. From the next invoice you'll be billed for 38 unless new users are added. I've attached the per-user breakdown for the period."),
      customer("Understood, that matches what our IT team did mid-month. Thanks for the breakdown.\n\nGina"),
      solve("agreed"),
    ],
  },
  {
    id: 1003, org: "acme", requester: "alice", priority: "S2", ago: [385, 2],
    subject: "SAML login fails with \"InResponseTo mismatch\" after IdP certificate rotation",
    description: `Our identity team rotated the signing certificate on our IdP this morning. Since then about half of our users get this error when they sign in with SSO:

    SAML response rejected: InResponseTo mismatch (expected _a8f3e1…, got _71c09b…)

The other half can sign in normally. We uploaded the new certificate under Admin → Authentication → SAML about an hour ago. The users who can't sign in are locked out of their dashboards, so this is fairly urgent for us.`,
    steps: [
      agent("Hi Alice, looking into this now. Do the affected users start from our sign-in page, or from the app tile in your IdP's portal?", { after: 0.4 }),
      chat([
        ["c", "Hi, I'm on a call with our identity team right now, easier to go through it live. From what we can tell it's everyone who uses the tile in the IdP portal."],
        ["a", "Thanks Alice, that's the key detail. The tile starts an IdP-initiated login, but your SAML configuration only accepts logins we start ourselves, so the response carries an InResponseTo value we never issued."],
        ["c", "So the certificate rotation isn't the problem?"],
        ["a", "No, the rotation went fine — responses are signed with the new certificate and we validate them. My guess is the tile was re-created during the rotation and now points at the ACS URL directly instead of our start URL."],
        ["c", "They're nodding, yes, they rebuilt the tile. What's the fix?"],
        ["a", "Either enable \"Allow IdP-initiated login\" in Admin → Authentication → SAML, or point the tile at https://acme.analytics.example/sso/start so it goes through the normal flow. The second keeps the stricter setting."],
        ["c", "We'll change the tile. Give us 10 minutes."],
        ["a", "Sure. I'll post a summary on the request so your identity team has it in writing."],
      ], { after: 0.3 }),
      note("IdP-initiated flow arriving with a stale InResponseTo from a cached AuthnRequest. Known behaviour when \"Allow IdP-initiated login\" is off but the tile targets the ACS URL. Not a bug on our side."),
      ask("Summary of our chat: the InResponseTo error comes from the IdP portal tile, which was rebuilt during the certificate rotation and now posts straight to our ACS URL. Pointing the tile at the /sso/start URL (or enabling \"Allow IdP-initiated login\") fixes it. The new certificate itself is working. Could you confirm once the tile is updated?", { after: 0.2 }),
      customer("Tile updated, everyone can sign in again. Really appreciate the quick turnaround.", { after: 0.6 }),
      solve("agreed"),
    ],
  },
  {
    id: 1004, org: "acme", requester: "bob", channel: "email", priority: "S4", ago: [377, 5],
    subject: "How do I change the default timezone for dashboards?",
    description: "Hi, all our dashboards show times in UTC. We're in Chicago. Is there a way to change the default for everyone instead of each person changing it? Bob",
    steps: [
      ask("Hi Bob, yes — an admin can set the organization default under Admin → Localization → Default timezone. People who picked their own timezone in their profile keep their choice, and scheduled reports have their own timezone per schedule. Do you have admin rights, or should I walk your admin through it?"),
      remind("Hi Bob, just checking in: were you able to change the default timezone, or would you like me to contact your admin? If I don't hear back I'll close this request in a few days — a reply here reopens it any time.", { days: 5 }),
      solve("no_response", { days: 7 }),
    ],
  },
  {
    id: 1005, org: "acme", requester: "alice", priority: "S3", ago: [366, 1],
    subject: "Bar chart colours change every time the dashboard refreshes",
    description: `On the "Regional Sales" dashboard the stacked bar chart assigns different colours to the regions on every refresh. Yesterday EMEA was blue, today it's orange. People keep misreading it in our Monday meeting. We haven't set custom colours.

Steps:
1. Open Regional Sales
2. Note the colour of EMEA
3. Click refresh
4. EMEA often has a new colour`,
    steps: [
      agent("Thanks Alice. I can reproduce this on a test dashboard: when a series has no value for the first category, the palette seems to shift by one. I'm checking with engineering whether this is known. Meanwhile you can pin the colours under the chart's Series → Colours → \"Assign fixed colours\"."),
      hold("Working with engineering on a bug", { after: 0.1 }),
      note("Filed ENG-3312. Palette index is taken from series order after null-filtering — regression from the charting library bump in 7.14."),
      ask("Engineering confirmed this is a bug (ENG-3312): the colour is picked from the series' position after empty values are removed, so it can change when the data changes. A fix is planned for an upcoming release, roughly six weeks out. Since fixed colours work around it we'd classify the bug as S3 — does that work for you?", { after: 26 }),
      customer("Yes, S3 is fine, we've pinned the colours for now. Please let us know when the fix ships."),
      agent("Will do. I'm marking this request as solved with bug ENG-3312, priority S3, estimated fix in about six weeks. The reference stays on this request and I'll post here when it's released."),
      solveBug({ reference: "ENG-3312", priority: "S3", etaDays: 42 }),
    ],
  },
  {
    id: 1006, org: "globex", requester: "paolo", handler: "sam", priority: "S3", ago: [355, 4],
    subject: "Esportazione CSV: caratteri accentati illeggibili",
    description: `Buongiorno,
quando esportiamo in CSV la tabella "Clienti per regione", i nomi con lettere accentate (es. "Forlì", "Cantù") diventano "ForlÃ¬" e "CantÃ¹" quando apriamo il file con il foglio di calcolo. Con l'esportazione in XLSX il problema non c'è. Potete verificare?

Grazie,
Paolo Greco`,
    steps: [
      agent("Buongiorno Paolo, grazie per la segnalazione. Il file CSV è codificato in UTF-8 ma senza BOM, quindi alcuni fogli di calcolo lo aprono come Latin-1. Come soluzione temporanea può importare il file scegliendo UTF-8 come codifica, oppure usare l'esportazione XLSX. Verifico con il team di sviluppo se possiamo aggiungere il BOM all'esportazione."),
      hold("Working with engineering on a bug", { after: 0.05 }),
      note("ENG-3407 opened: optional UTF-8 BOM on CSV exports. Eng says next minor release.", { after: 20 }),
      ask("Paolo, il team di sviluppo ha registrato il problema come ENG-3407 e aggiungerà l'opzione \"Includi BOM UTF-8\" nelle impostazioni di esportazione. Priorità S3, rilascio previsto tra circa 30 giorni. Le va bene se chiudiamo la richiesta con questo riferimento?"),
      customer("Va bene, nel frattempo usiamo l'XLSX. Grazie."),
      solveBug({ reference: "ENG-3407", priority: "S3", etaDays: 30 }),
    ],
  },
  {
    id: 1007, org: "acme", requester: "carol", priority: "S4", ago: [349, 2],
    subject: "Organization-level access for Acme Corporation",
    description: "Hi, I'm one of Acme's technical contacts. I'd like organization-level access in the support portal so I can follow all of our team's requests, not only the ones I opened myself. Thanks, Carol",
    access: { approvalState: "not_required", grant: true, note: "Technical contact; follows all of Acme's requests." },
    steps: [
      note("Carol is a listed technical contact for Acme — no approval needed."),
      agent("Hi Carol, since you're a technical contact for Acme Corporation no further approval is needed. I've granted organization-level access: you'll see an \"Organization\" scope on My Requests the next time you load the page."),
      solve("agreed", { after: 0.1 }),
    ],
  },
  {
    id: 1008, org: "acme", requester: "alice", channel: "chat", priority: "S4", ago: [340, 5],
    subject: "Where did \"Duplicate dashboard\" go?",
    description: "Chat: the Duplicate option is no longer in the dashboard menu since the new menu was introduced.",
    steps: [
      chat([
        ["c", "Hi! Quick one — the \"Duplicate\" option used to be in the dashboard menu and I can't find it since the new menu."],
        ["a", "Hi Alice! It moved into the ⋯ menu at the top right of the dashboard, under \"Save as copy\"."],
        ["c", "Oh, there it is. Does the copy keep the filters and the schedules?"],
        ["a", "It keeps the filters and the tile layout. Schedules and alerts aren't copied, so you'd recreate those on the copy if you need them."],
        ["c", "Perfect, that's what I wanted. Thanks!"],
        ["a", "You're welcome — I'll close this one as solved. Have a good day!"],
      ], { after: 0 }),
      solve("agreed", { after: 0.05 }),
    ],
  },
  {
    id: 1009, org: "globex", requester: "jiho", handler: "hana", priority: "S2", ago: [331, 3],
    subject: "대시보드 로딩 시간이 30초 이상 걸립니다",
    description: `안녕하세요.
지난주부터 '월간 매출' 대시보드를 여는 데 30초 이상 걸립니다. 이전에는 5초 이내였습니다. 데이터 연결 설정은 변경하지 않았습니다.
쿼리 기록을 보면 '주문_상세' 테이블에 대한 쿼리가 대부분의 시간을 차지합니다.
확인 부탁드립니다.

박지호`,
    steps: [
      ask("안녕하세요, 박지호 님. 쿼리 기록을 확인해 보니 '주문_상세' 테이블 쿼리가 날짜 필터 없이 전체 테이블을 스캔하고 있습니다. 지난주에 해당 테이블의 행 수가 약 3배로 늘어난 것으로 보입니다. 대시보드 필터의 기본값을 '최근 12개월'로 설정하시고, 웨어하우스에서 order_date 열에 파티션이나 인덱스를 추가하시는 것을 권장드립니다."),
      note("Row count on 주문_상세 went from ~40M to ~120M after their backfill. Nothing wrong on our side."),
      customer("기본 필터를 최근 12개월로 바꾸니 4초로 줄었습니다. 인덱스는 다음 주에 데이터팀에서 추가할 예정입니다. 감사합니다."),
      solve("agreed"),
    ],
  },
  {
    id: 1010, org: "acme", requester: "alice", priority: "S2", ago: [318, 2],
    subject: "Row-level permissions not applied on embedded dashboards",
    description: `We embed the "Partner Performance" dashboard in our partner portal with signed embed URLs. Each partner should only see their own rows (user attribute partner_id). Inside the platform this works, but in the embed partners see every partner's data. We've paused the embed for now.

Embed URL parameters (signature removed):

    /embed/dashboards/412?user_attributes={"partner_id":"P-0193"}&permissions=see_user_dashboards

This is a data exposure issue for us, so we'd appreciate a fast look.`,
    steps: [
      cc("bob", { after: 0.05 }),
      agent("Hi Alice, pausing the embed was the right call. I'm looking at it now. Could you confirm the embed user is created with the \"Partner\" role and not \"Viewer\"?", { after: 0.5 }),
      customer("Confirmed, the role is Partner. Bob on our team set up the embed and can answer the details.", { after: 0.7 }),
      customer("Bob here — we sign the URL with the partner_id attribute and models=partner_analytics. Nothing else unusual.", { by: "bob", after: 0.4 }),
      note("Reproduced on staging: with user_attributes in the embed URL AND a merged-results tile on the dashboard, the access filter is dropped for the merged query. Escalated as ENG-3561, S2."),
      agent("We've reproduced it: the access filter is skipped for tiles built from merged results, and the \"Partner ranking\" tile on that dashboard is one. All other tiles are filtered correctly. Engineering is working on it as ENG-3561. Until the fix lands, removing that one tile makes the embed safe to re-enable.", { after: 2 }),
      hold("Working with engineering on a bug", { after: 0.05 }),
      customer("Removed the tile, re-enabled the embed and spot-checked three partners — they only see their own data now. What's the timeline for the fix?", { after: 5 }),
      ask("Engineering has the fix in review; the estimate is two weeks to release. Since removing the tile contains the exposure, we'd keep the bug at S2 and close this request with the bug reference, if that works for you. I'll post here when it ships."),
      customer("Works for us."),
      solveBug({ reference: "ENG-3561", priority: "S2", etaDays: 14 }),
    ],
  },
  {
    id: 1011, org: "acme", requester: "dave", channel: "email", priority: "S4", ago: [305, 6],
    subject: "Copy of signed DPA and current subprocessor list",
    description: `Hello,

our procurement team is doing the annual vendor review. Could you send us the signed Data Processing Agreement and the current list of subprocessors?

Regards,
Dave Whitfield
IT Director, Acme Corporation`,
    steps: [
      agent("Hi Dave, I've asked our legal team for the countersigned DPA on file for Acme Corporation. The current subprocessor list is published on our trust page; I'll attach the PDF version for this quarter as well."),
      note("Legal: DPA v3 countersigned, still in force. Sent from the contracts folder."),
      ask("Here's the countersigned DPA (still in force) and this quarter's subprocessor list. Let me know if procurement needs anything else, such as the latest penetration test summary.", { after: 30 }),
      customer("That's everything, thank you.\n\nDave"),
      solve("agreed"),
    ],
  },
  {
    id: 1012, org: "globex", requester: "gina", priority: "S3", ago: [296, 4],
    subject: "Alert notifications delivered twice",
    description: "Every alert on the \"Stock levels\" dashboard sends two identical emails, about a second apart. Started last Thursday. Example alert: \"Warehouse B below threshold\".",
    steps: [
      ask("Hi Gina, I see two subscriptions for \"Warehouse B below threshold\": one created by you and one created by Paolo on Thursday, with the same recipients. Could you check whether one of them can go? Alert → Subscribers lists both."),
      remind("Hi Gina, following up on the duplicate alerts — did removing one of the two subscriptions stop the double emails? I'll keep this open a few more days.", { days: 4 }),
      remind("Hi Gina, one more check-in on the duplicate alert emails. If we don't hear back I'll close this request in a few days; replying here will reopen it.", { days: 4 }),
      solve("no_response", { days: 4 }),
    ],
  },
  {
    id: 1013, org: "acme", requester: "alice", priority: "S2", ago: [284, 5],
    subject: "API token returns 401 invalid_token since this morning",
    description: `Our nightly export job calls GET /api/v2/queries/run with a token created for our service account. Since 06:00 every call returns:

    HTTP/1.1 401 Unauthorized
    {"error":"invalid_token","error_description":"token has been revoked"}

Nobody revoked it as far as I know. The job feeds our finance reporting, so we need it back today.`,
    steps: [
      agent("Hi Alice, the audit log shows the token was revoked automatically at 05:52, when the service account's password was reset by your directory sync — tokens are revoked when their owner's credentials change. You can create a new token under Admin → API → Tokens. To avoid this in future, flag the account as a \"Service account\" on the same page; that exempts it from directory-driven resets.", { after: 1 }),
      customer("Created a new token and the job runs again. Flagged the account as a service account too. Thanks!", { after: 2 }),
      solve("agreed", { after: 0.5 }),
      customer("Sorry to reopen — the new token was revoked again last night, same error. The account IS flagged as a service account.", { days: 6 }),
      note("Directory sync still resets it: the service-account flag is only honoured by SCIM, and they still use the legacy LDAP connector for this account. Classic kerfuffle between the two sync paths — raised with the identity team."),
      ask("Thanks for reopening. The service-account exemption is only applied by the SCIM sync, and that account is still synced by the older LDAP connector. Excluding it from the LDAP sync scope (Admin → Directory → Sync filter) prevents the reset. I also checked: there were no other revocations."),
      customer("Excluded it from the sync filter. Two nights without a revocation now, looks fixed.", { days: 2 }),
      solve("agreed"),
    ],
  },
  {
    id: 1014, org: "acme", requester: "erin", handler: "hana", priority: "S3", ago: [270, 3],
    subject: "예약 보고서가 서울 시간이 아닌 시카고 시간 기준으로 발송됩니다",
    description: "안녕하세요. 서울 사무소의 Erin입니다. 매일 오전 9시에 받도록 설정한 '일일 재고' 예약 보고서가 밤 11시에 도착합니다. 조직 기본 시간대는 시카고이고, 제 프로필 시간대는 서울로 되어 있습니다. 어떤 설정을 바꿔야 하나요?",
    steps: [
      ask("안녕하세요, Erin 님. 예약 보고서는 프로필 시간대가 아니라 각 예약에 지정된 시간대를 따릅니다. 해당 예약은 생성 시 조직 기본값(시카고)으로 저장되었습니다. 예약 편집 → 고급 → 시간대에서 'Asia/Seoul'을 선택하시면 서울 시간 오전 9시에 발송됩니다."),
      customer("변경했더니 오늘 아침 9시에 정상적으로 받았습니다. 감사합니다!"),
      solve("agreed"),
    ],
  },
  {
    id: 1015, org: "globex", requester: "paolo", handler: "sam", channel: "email", priority: "S2", ago: [258, 2],
    subject: "Connessione al data warehouse: timeout dopo 60 secondi",
    description: `Buongiorno,
da ieri le query del dashboard "Logistica" falliscono con questo errore:

    Query timed out after 60s (connection: dwh-prod)

Le stesse query eseguite direttamente sul warehouse impiegano circa 75 secondi. È possibile aumentare il limite?

Paolo`,
    steps: [
      ask("Buongiorno Paolo, il limite di 60 secondi è configurabile per ogni connessione: Admin → Connessioni → dwh-prod → \"Timeout query (secondi)\", fino a un massimo di 600. Come valore iniziale consiglio 120. Detto questo, 75 secondi per un dashboard sono tanti: se vuole posso guardare il piano di esecuzione delle query più lente."),
      customer("Portato a 120 e funziona. Sì, ci interessa un parere sulle query: sono nel dashboard \"Logistica\", riquadri \"Spedizioni per corriere\" e \"Ritardi medi\"."),
      note("Both tiles join spedizioni × tracking_eventi on a text column with no date filter; suggest a daily aggregate table."),
      ask("Ho guardato i due riquadri: entrambi uniscono spedizioni ed eventi di tracciamento su una colonna di testo, senza filtro di data. Con una tabella aggregata giornaliera (o una vista materializzata) il tempo scende a pochi secondi. Le allego un esempio di definizione.", { after: 5 }),
      customer("Perfetto, il nostro DBA la crea questa settimana. Grazie mille."),
      solve("agreed"),
    ],
  },
  {
    id: 1016, org: "acme", requester: "bob", priority: "S3", ago: [246, 4],
    subject: "New warehouse connection fails: SSL handshake failed",
    description: `Trying to add our new analytics warehouse as a connection. "Test connection" fails with:

    Error: SSL handshake failed: certificate verify failed (unable to get local issuer certificate)

Host is dwh.acme.internal:5439 and we use our internal CA. Is there a way to upload our CA certificate?`,
    steps: [
      ask("Hi Bob, yes: in the connection form expand \"SSL\" and paste your internal CA chain (PEM, root and intermediates) into \"Custom CA certificate\". If you only paste the root, the handshake still fails when the server doesn't send its intermediate."),
      customer("pasted root+intermediate, test connection passes now 👍"),
      solve("agreed"),
    ],
  },
  {
    id: 1017, org: "acme", requester: "alice", priority: "S3", ago: [233, 2],
    subject: "Dashboard filters reset when a colleague opens a shared link",
    description: "When I share a dashboard link with filters applied (Region = West, Quarter = Q3), my colleagues open it and see the default filters instead. Are filter values supposed to be part of the link?",
    steps: [
      ask("Hi Alice, the link in the address bar doesn't carry the filters. Use Share → \"Copy link with current filters\" instead; it adds the filter state to the URL. We know the plain link is confusing, and there's a product request to make filtered links the default."),
      customer("Ah, I never noticed that option. Works perfectly."),
      solve("agreed"),
    ],
  },
  {
    id: 1018, org: "globex", requester: "gina", handler: "sam", priority: "S4", ago: [221, 5],
    subject: "Come aggiungere un utente in sola lettura?",
    description: "Ciao, vorrei dare accesso ai dashboard di magazzino a un collega esterno, ma solo in lettura e senza possibilità di scaricare i dati. È possibile?",
    steps: [
      ask("Ciao Gina, sì: crei l'utente con il ruolo \"Viewer\" e in Admin → Ruoli → Viewer disattivi il permesso \"Scarica dati\". Se vuole limitare anche i dashboard visibili, lo aggiunga a un gruppo che ha accesso alla sola cartella \"Magazzino\"."),
      customer("Fatto, funziona come volevo. Grazie Sam!"),
      solve("agreed"),
    ],
  },
  {
    id: 1019, org: "acme", requester: "alice", channel: "email", priority: "S3", ago: [209, 3],
    subject: "Scheduled report to finance-leads list bounces",
    description: `Hi support,

the "Monthly Close Pack" schedule sends to finance-leads@acme.test. Since last week the list receives nothing and I got this bounce:

    550 5.7.1 Sender not authorized for list finance-leads@acme.test

Did the sender address change on your side?

Alice`,
    steps: [
      ask("Hi Alice, yes — three weeks ago report emails moved to a new sender address (reports@notify.example.com) as announced in the release notes. Your list only accepts approved senders, so it rejects the new address. Adding it to the list's allowed senders fixes this; the exact address is also shown under Admin → Email → Sender."),
      customer("Our mail team added it and this month's pack arrived.\n\nAlice"),
      solve("agreed"),
    ],
  },
  {
    id: 1020, org: "acme", requester: "carol", priority: "S2", ago: [197, 6],
    subject: "Queries queue for minutes every weekday between 8 and 9 am",
    description: "Every weekday between 08:00 and 09:00 Chicago time, queries sit in \"Queued\" for 2–4 minutes before they run. Admin → Queries shows about 60 queued at the peak. Our warehouse isn't busy at that time (CPU under 30%). Is there a concurrency limit on your side?",
    steps: [
      agent("Hi Carol, there is: each connection has a \"Max concurrent queries\" limit, and yours is at the default of 10. At 8:00 about 40 scheduled reports start at once, on top of people opening dashboards. You can raise the limit to what your warehouse handles (for your size 25–30 is usually fine) and/or stagger the schedules."),
      customer("Raised it to 25. Better, but still ~1 minute of queueing at 8:00 sharp."),
      reclassify("S3", "Impact reduced: queue times down to about a minute after raising the concurrency limit"),
      note("31 of their 40 morning schedules are at exactly 08:00. Exported the list with owners."),
      ask("Looking at the schedule list, 31 of the 40 are set to exactly 08:00. Spreading them over 07:30–08:30 should remove the peak. I've attached the list with owners so you can coordinate."),
      customer("We staggered them yesterday — no queue at all this morning. The list saved us a lot of time, thanks.", { days: 2 }),
      solve("agreed"),
    ],
  },
  {
    id: 1021, org: "globex", requester: "jiho", handler: "hana", channel: "email", priority: "S3", ago: [186, 2],
    subject: "API로 받은 대시보드 PDF에서 한글이 깨집니다",
    description: `안녕하세요.
API(GET /api/v2/dashboards/{id}/render?format=pdf)로 받은 PDF에서 한글이 네모(□)로 표시됩니다. 웹 화면에서 내보낸 PDF는 정상입니다.
예시 대시보드 ID: 2291

박지호 드림`,
    steps: [
      ask("안녕하세요, 박지호 님. API 렌더링은 기본 글꼴 세트를 사용하며, 한글 글꼴은 요청에 locale 파라미터가 있을 때만 로드됩니다. 요청에 &locale=ko 를 추가해 보시겠어요?"),
      customer("locale=ko 를 추가하니 정상적으로 나옵니다. 그런데 이 파라미터가 API 문서에 없네요."),
      agent("확인 감사합니다. 문서에 누락된 부분은 문서팀에 전달했고 다음 문서 업데이트에 반영될 예정입니다. 이 요청은 해결됨으로 처리하겠습니다."),
      solve("agreed"),
    ],
  },
  {
    id: 1022, org: "acme", requester: "alice", priority: "S3", ago: [175, 4],
    subject: "Drill-down opens an empty table for some bars",
    description: "Clicking a bar in \"Orders by channel\" opens the drill-down table, but for Marketplace and Reseller the table is empty even though the bars show 1,200+ orders.",
    steps: [
      ask("Hi Alice, the drill-down filters on the bar's value using channel_name, but the chart groups on channel_group. For Marketplace and Reseller those differ (each group contains several channel names). Set the drill field to channel_group under Tile → Drill → Fields and the rows will show up."),
      customer(`That was it! Our team calls it "the ${PUBLIC_REPLY_ONLY_WORD} chart" because of the orange bars — now it finally drills down properly. Thanks.`),
      solve("agreed"),
    ],
  },
  {
    id: 1023, org: "acme", requester: "dave", priority: "S4", ago: [163, 3],
    subject: "Audit log export for the last 12 months",
    description: "Our auditors want the full audit log (logins, permission changes, exports) for the past 12 months. The admin UI only exports 90 days at a time. Is there a better way?",
    steps: [
      ask("Hi Dave, the audit log API (GET /api/v2/audit-events) has no 90-day limit — you can page through the full 12 months with the from/to parameters. If it's easier, I can generate a one-off export and share it here; it would be about 180 MB of CSV."),
      customer("A one-off export would be easiest, thank you."),
      note("Export job AUD-7731 queued on the reporting replica; ETA overnight."),
      ask("Here's the export link (valid for 7 days). The archive has one CSV per month and a README describing the columns.", { after: 20 }),
      customer("Downloaded, auditors are happy."),
      solve("agreed"),
    ],
  },
  {
    id: 1024, org: "globex", requester: "gina", handler: "sam", priority: "S2", ago: [151, 5],
    subject: "Il dashboard \"Stock levels\" mostra i dati di ieri",
    description: "Buongiorno, da stamattina il dashboard \"Stock levels\" mostra i dati fermi a ieri sera alle 23:00. Il pulsante \"Aggiorna\" non cambia nulla. Gli operatori del magazzino lo usano per i riordini, è urgente.",
    steps: [
      agent("Buongiorno Gina, il dashboard usa una cache aggiornata ogni ora e l'ultimo aggiornamento riuscito è delle 23:00: quelli successivi falliscono perché la password dell'utente di servizio \"bi_reader\" sul warehouse è scaduta stanotte. Potete rinnovarla e aggiornarla in Admin → Connessioni?", { after: 0.5 }),
      customer("Password aggiornata, adesso i dati sono di 5 minuti fa. Grazie!", { after: 1 }),
      note("They had no idea the cache refreshes were failing — suggested connection-failure alerts."),
      agent("Ottimo. Per accorgervi prima di casi simili vi consiglio di attivare gli avvisi \"Errore di connessione\" in Admin → Connessioni → Notifiche: riceverete un'email al primo aggiornamento fallito."),
      solve("agreed"),
    ],
  },
  {
    id: 1025, org: "acme", requester: "alice", priority: "S3", ago: [140, 2],
    subject: "Conditional formatting lost in spreadsheet export",
    description: "Our \"Budget vs Actual\" table has red/green conditional formatting. When I export it to XLSX the colours are gone. Is this expected?",
    steps: [
      ask("Hi Alice, yes — XLSX exports currently contain values and number formats but not conditional formatting. There's an open feature request and I've added Acme to it. The PDF export keeps the colours, if that works for sharing."),
      remind("Hi Alice, checking whether the PDF export works for your use case, or whether you'd like us to keep you posted on the feature request.", { days: 3 }),
      remind("Hi Alice, one last check-in on the conditional formatting in XLSX exports. I'll close this request in a few days if we don't hear from you; a reply here reopens it.", { days: 3 }),
      solve("no_response", { days: 4 }),
    ],
  },
  {
    id: 1026, org: "acme", requester: "erin", priority: "S3", ago: [128, 4],
    subject: "Embedded dashboard blank: \"Refused to display in a frame\"",
    description: `We're embedding a dashboard in our intranet (intranet.acme.test). The iframe stays blank and the browser console shows:

    Refused to display 'https://acme.analytics.example/embed/dashboards/77' in a frame because an ancestor violates the following Content Security Policy directive: "frame-ancestors 'self'".

What do we need to configure?`,
    steps: [
      ask("Hi Erin, add https://intranet.acme.test to Admin → Embed → \"Allowed embed domains\". We only allow framing from domains on that list, which is what the frame-ancestors error is saying."),
      customer("Added, the dashboard shows up in the intranet now. Thanks."),
      solve("agreed"),
    ],
  },
  {
    id: 1027, org: "globex", requester: "paolo", handler: "sam", priority: "S4", ago: [117, 3],
    subject: "Codice destinatario SDI sulle fatture",
    description: "Buongiorno, per la fatturazione elettronica ci serve che le prossime fatture riportino il nostro codice destinatario SDI. Dove possiamo inserirlo?",
    steps: [
      ask("Buongiorno Paolo, al momento il campo non è modificabile dal portale: lo aggiungo io ai dati di fatturazione di Globex insieme al team amministrativo. Può confermarmi il codice di 7 caratteri?"),
      customer("Il codice è M5UXCR1. Grazie."),
      note("Billing profile updated, SDI code M5UXCR1 (confirmed with finance ops)."),
      agent("Inserito. Lo troverete dalla prossima fattura."),
      solve("agreed"),
    ],
  },
  {
    id: 1028, org: "acme", requester: "alice", priority: "S1", ago: [106, 5],
    subject: "All dashboards fail: Connection refused to warehouse",
    description: "URGENT: since about 10 minutes ago every dashboard shows \"Connection refused (dwh-prod:5439)\". Nothing changed on our side that I know of. The whole company uses these dashboards for the morning stand-up.",
    steps: [
      agent("Hi Alice, on it. From our side connections to dwh-prod are refused at the TCP level. Can you check with your network team whether anything changed in the warehouse's allow-list or firewall this morning?", { after: 0.2 }),
      customer("Network team says a firewall change went out at 7:45. They're checking.", { after: 0.3 }),
      customer("Found it — our egress allow-list was replaced by a template that doesn't include your IPs. Rolling back now.", { after: 0.4 }),
      reclassify("S2", "Impact reduced: the customer's network team found the firewall change and is rolling it back", { after: 0.1 }),
      ask("Thanks for the update. For reference, our outbound IPs are listed under Admin → Connections → \"Outbound IP addresses\"; it's worth adding them to the template so the next rollout keeps them. Let me know once the rollback is done.", { after: 0.1 }),
      customer("Rollback done, dashboards load again. We added your IPs to the template.", { after: 0.7 }),
      solve("agreed", { after: 0.3 }),
    ],
  },
  {
    id: 1029, org: "acme", requester: "bob", priority: "S3", ago: [98, 2],
    subject: "Alert on week-over-week % change?",
    description: "Is it possible to alert on a percentage change week over week instead of an absolute threshold? E.g. notify us when weekly signups drop by more than 20%.",
    steps: [
      ask("Hi Bob, yes: create the alert on a tile that computes the week-over-week change (a table calculation like (this_week - last_week) / last_week) and set the condition to \"is less than -0.2\". Alerts evaluate whatever the tile returns, so any derived measure works. Let me know if the table calculation does what you need."),
      remind("Hi Bob, did the table calculation work for your week-over-week alert? Happy to help set it up if not.", { days: 3 }),
      remind("Hi Bob, checking in one last time about the week-over-week alert. If we don't hear back I'll close this request in a few days; replying here reopens it.", { days: 3 }),
      solve("no_response", { days: 4 }),
    ],
  },
  {
    id: 1030, org: "globex", requester: "jiho", handler: "hana", priority: "S3", ago: [90, 4],
    subject: "SSO 로그인 후 권한 그룹이 동기화되지 않습니다",
    description: "SAML 로그인 시 groups 속성으로 권한 그룹을 전달하고 있습니다. 새 팀원이 처음 로그인하면 그룹이 정상 적용되는데, 기존 사용자의 그룹을 IdP에서 변경하면 반영되지 않습니다.",
    steps: [
      ask("안녕하세요, 박지호 님. 현재 설정에서 '그룹 동기화'가 '최초 로그인 시에만'으로 되어 있습니다. Admin → 인증 → SAML → 그룹 매핑에서 '매 로그인 시'로 변경하시면 IdP의 변경 사항이 다음 로그인부터 반영됩니다."),
      customer("설정을 변경하고 테스트 사용자로 확인했습니다. 잘 반영됩니다."),
      solve("agreed"),
    ],
  },
  {
    id: 1031, org: "acme", requester: "alice", priority: "S2", ago: [80, 3],
    subject: "\"Last 7 days\" filter includes an extra hour after the clock change",
    description: "Since the clocks changed on Sunday, the \"Last 7 days\" filter on \"Daily Orders\" includes one extra hour from 8 days ago (the 23:00 orders). Totals are off by about 1%. Small, but finance noticed.",
    steps: [
      agent("Thanks Alice, this looks related to the daylight saving change. I'm trying to reproduce it with a Chicago-timezone dataset now."),
      hold("Reproducing the reported bug", { after: 0.1 }),
      note("Repro confirmed: relative date filters compute the window start with today's UTC offset instead of the offset at the window start. Eng already has the fix queued for the next patch (ENG-4102)."),
      agent("Reproduced: relative date filters use today's UTC offset for the start of the window, which is one hour off in the week after a clock change. Engineering already has a fix in the next patch release, due this Thursday. The numbers will correct themselves once it's out; nothing to change on your side.", { after: 20 }),
      ask("The patch release with the fix went out this morning. Could you check whether the \"Daily Orders\" totals match finance's numbers now?", { days: 3 }),
      customer("Totals match now. Thanks for following up."),
      solve("agreed"),
    ],
  },
  {
    id: 1032, org: "acme", requester: "alice", priority: "S3", ago: [72, 5],
    subject: "Board Pack PDF export fails with \"Render failed (R-504)\"",
    description: "Exporting the \"Board Pack\" dashboard to PDF fails with \"Render failed (code R-504)\". Other dashboards export fine. It has about 20 tiles and a couple of large tables.",
    steps: [
      ask("Hi Alice, R-504 means the renderer hit its 120-second limit. The two \"All transactions\" tables have about 40,000 rows each and the PDF renders every row. You can limit those tables to, say, the top 500 rows in the PDF (Tile → PDF options → \"Rows in export\"), or export them separately as CSV.", { after: 2 }),
      customer("Limited both tables to 500 rows and the PDF exports in under a minute. Good enough for the board pack."),
      solve("agreed"),
    ],
  },
  {
    id: 1033, org: "acme", requester: "alice", channel: "email", priority: "S3", ago: [72, 4],
    subject: "PDF export error R-504",
    description: "Hi, sending this by email as well in case the portal one didn't go through — the Board Pack PDF export fails with R-504 and we need it for Thursday's board meeting. Alice",
    steps: [
      agent("Hi Alice, we received both — I'm merging this one into request #1032 so everything stays in one place. Please follow #1032 for updates.", { after: 0.5 }),
      merge(1032, { after: 0.02 }),
    ],
  },
  {
    id: 1034, org: "globex", requester: "gina", priority: "S3", ago: [64, 2],
    subject: "Large scheduled report no longer arrives",
    description: "Our weekly \"Inventory Detail\" report (XLSX, about 28 MB) stopped arriving. Smaller reports still arrive. Is there a size limit?",
    steps: [
      ask("Hi Gina, yes — attachments above 20 MB aren't sent by email; the email then carries a download link instead. On that schedule the \"Send link if too large\" option is off, so the delivery was dropped. Turning it on (Schedule → Delivery) sends a secure link for large files."),
      customer("Turned it on, this week's email came with the link. Grazie!"),
      solve("agreed"),
    ],
  },
  {
    id: 1035, org: "acme", requester: "carol", priority: "S2", ago: [57, 4],
    subject: "\"connection pool exhausted\" errors during month-end close",
    description: `During month-end close (the last two business days) we see intermittent errors on dashboards:

    Error: connection pool exhausted (dwh-prod, 25/25 in use), waited 30000ms

Our warehouse only shows about 12 active sessions from your IPs at those times, so it looks like connections are not being released.`,
    steps: [
      ask("Hi Carol, 12 sessions on the warehouse against 25 in use on our side does suggest leaked connections. Could you send the timestamps (with timezone) of a few errors so I can match them with our connection logs?"),
      customer("Sure: the 29th at 16:02, 16:05 and 16:41, and the 30th at 09:12, all Chicago time."),
      note("Matched with pool logs: connections held by queries cancelled mid-flight (user navigates away) are not returned when the cancel times out. The cancel path swallows the release — a real kerfuffle in the pool code, filed as ENG-4188."),
      agent("We matched your timestamps with our logs: when someone leaves a dashboard while a query is still running, the cancelled query's connection isn't always returned to the pool. Engineering is tracking it as ENG-4188. Until it's fixed, a higher \"Max concurrent queries\" gives more headroom, and the pool recovers by itself after 10 minutes."),
      hold("Working with engineering on a bug", { after: 0.05 }),
      ask("Update: engineering classified ENG-4188 as S2 given the month-end impact, and the fix is planned for the release in about three weeks. If that timeline works for you, I'll close this request with ENG-4188 as the reference and post here when it ships.", { days: 2 }),
      customer("Three weeks is OK since our next close is after that. Please do post when it's out."),
      solveBug({ reference: "ENG-4188", priority: "S2", etaDays: 21 }),
    ],
  },
  {
    id: 1036, org: "globex", requester: "paolo", handler: "sam", priority: "S4", ago: [50, 3],
    subject: "Accesso a livello di organizzazione per Globex",
    description: "Buongiorno, come amministratore di Globex vorrei l'accesso a livello di organizzazione nel portale, per vedere tutte le richieste del nostro team. Indico Ji-ho Park, nostro contatto tecnico, per l'approvazione.",
    access: { approvalState: "declined", approver: "jiho", decidedAfterHours: 20, note: "Per la revisione trimestrale delle richieste aperte." },
    steps: [
      agent("Buongiorno Paolo, ho inviato la richiesta di approvazione a Ji-ho Park, contatto tecnico di Globex. Procediamo appena avrà risposto nel portale.", { after: 1 }),
      hold("Waiting for approval from Globex's technical contact", { after: 0.05 }),
      ask("Ji-ho ha rifiutato la richiesta nel portale, con la nota \"Preferiamo gestire la visibilità con i CC sulle singole richieste\". Per questo non possiamo concedere l'accesso a livello di organizzazione. Se la situazione cambia potete aprire una nuova richiesta.", { after: 22 }),
      customer("Capito, va bene così. Grazie."),
      solve("agreed"),
    ],
  },
  {
    id: 1037, org: "acme", requester: "alice", priority: "S3", ago: [44, 2],
    subject: "\"Data may be stale\" banner on every tile",
    description: "Every tile on \"Customer Health\" shows the yellow \"Data may be stale\" banner, even right after a refresh. The data itself looks current.",
    steps: [
      cc("bob", { after: 0.02 }),
      ask("Hi Alice, the banner appears when the cache policy's maximum age is shorter than the refresh interval: that dashboard refreshes every 6 hours, but its cache policy treats data older than 4 hours as stale. Align the two (Dashboard → Settings → Cache) and the banner goes away."),
      customer("Changed the cache policy to 6 hours, banners are gone. — Bob", { by: "bob" }),
      solve("agreed"),
    ],
  },
  {
    id: 1038, org: "globex", requester: "gina", handler: "sam", channel: "chat", priority: "S3", ago: [38, 5],
    subject: "Filtro data non applicato sul telefono",
    description: "Chat: il filtro data del dashboard \"Vendite negozi\" non si applica nella vista mobile.",
    steps: [
      chat([
        ["c", "Ciao, sul telefono il filtro data del dashboard \"Vendite negozi\" non si applica, resta sempre \"Ultimi 30 giorni\"."],
        ["a", "Ciao Gina, sono Sam. Sta usando l'app o il browser del telefono?"],
        ["c", "Il browser."],
        ["a", "Grazie. Nella vista mobile i filtri si applicano con il pulsante \"Applica\" in fondo al pannello, che a volte resta nascosto sotto la barra del browser. Provi a scorrere il pannello dei filtri fino in fondo."],
        ["c", "Eccolo! Non lo avevo proprio visto. Funziona."],
        ["a", "Perfetto. Segnalo al team il pulsante nascosto. Chiudo la chat, buona giornata!"],
      ], { after: 0 }),
      note("Reported the hidden Apply button on mobile web to the frontend team (UX-771)."),
      solve("agreed", { after: 0.1 }),
    ],
  },
  {
    id: 1039, org: "acme", requester: "alice", priority: "S2", ago: [33, 3],
    subject: "Scheduled reports not delivered since this morning",
    description: "None of our scheduled reports arrived this morning (at least 8 that normally arrive between 6 and 8 am). The schedules show \"Last run: success\" but nobody got an email. We checked spam folders.",
    steps: [
      agent("Hi Alice, I'm looking into it. The schedules did run and our mail service accepted the messages, so they were dropped after leaving us. Checking the delivery logs now.", { after: 0.4 }),
      note("DMARC failures for notify.example.com since 05:10 UTC — the new DKIM selector was published late after this morning's key rotation. Infra incident INC-2291 open; affects every customer with a strict DMARC policy.", { after: 0.3 }),
      reclassify("S1", "Escalated: every scheduled delivery to Acme's domain is rejected, including finance's month-end reports", { after: 0.2 }),
      cc("bob", { by: "agent", after: 3 }),
      agent("Update: your mail server rejected the messages because they failed its DMARC check. During a signing-key rotation on our side this morning the new DKIM key was published late, so emails sent between 05:10 and 08:40 UTC failed authentication. That's fixed, and I've re-sent today's deliveries. I've merged #1040 (the bounce you forwarded) and Bob's #1041 into this request and added Bob in CC.", { after: 0.3 }),
      customer("Confirmed, the reports arrived, including the re-sent ones. Thanks for the clear explanation.", { after: 2 }),
      solve("agreed", { after: 0.3 }),
    ],
  },
  {
    id: 1040, org: "acme", requester: "alice", channel: "email", priority: "S2", ago: [33, 2],
    subject: "Fwd: Delivery failure for \"Weekly Revenue\" report",
    description: `Forwarding the bounce we got for the Weekly Revenue report:

    Delivery to the following recipient failed permanently: revenue-weekly@acme.test
    Technical details of permanent failure: 550 5.7.26 Unauthenticated email from notify.example.com is not accepted due to domain's DMARC policy.

Alice`,
    steps: [
      agent("Thanks Alice, this bounce is very helpful. It's the same issue as #1039, so I'm merging this request into #1039 and continuing there.", { after: 0.6 }),
      merge(1039, { after: 0.02 }),
    ],
  },
  {
    id: 1041, org: "acme", requester: "bob", priority: "S2", ago: [33, 1],
    subject: "Weekly Revenue report didn't arrive",
    description: "The Weekly Revenue report didn't arrive today. I'm on the distribution list. Is something wrong with scheduling?",
    steps: [
      agent("Hi Bob, Alice reported the same problem in #1039 this morning. I'm merging your request into it and adding you in CC there so you can follow the updates.", { after: 0.8 }),
      merge(1039, { after: 0.02 }),
    ],
  },
  {
    id: 1042, org: "globex", requester: "jiho", handler: "hana", channel: "email", priority: "S4", ago: [27, 4],
    subject: "CSV 내보내기 시 날짜 형식이 바뀝니다",
    description: "안녕하세요.\nCSV로 내보내면 날짜가 ISO 형식(YYYY-MM-DD) 대신 M/D/YY 형식으로 나옵니다. ISO 형식으로 내보낼 수 있을까요?\n\n박지호",
    steps: [
      ask("안녕하세요, 박지호 님. 내보내기 대화상자에서 '표시 형식 적용' 옵션을 끄시면 원본 값(ISO 8601)으로 내보내집니다."),
      customer("해결되었습니다. 감사합니다."),
      solve("agreed"),
    ],
  },
  {
    id: 1043, org: "acme", requester: "alice", priority: "S3", ago: [24, 3],
    subject: "CSV export stops at 100,000 rows",
    description: "Exporting the \"All orders\" explore to CSV gives exactly 100,000 rows, but the query returns about 340,000. Is there a limit I can change?",
    steps: [
      ask("Hi Alice, downloads from the browser are capped at 100,000 rows. For larger results use Download → \"All results (streamed)\", which has no row cap. It's only shown to users with the \"Download unlimited\" permission, which you have.", { after: 1 }),
      customer("Found the streamed option, got the full file. Thanks.", { after: 5 }),
      solve("agreed", { after: 0.5 }),
      customer("Reopening this — the streamed download worked once, but today it stops after about 210,000 rows and the file just ends mid-line. Tried twice, same place.", { days: 20 }),
      ask("Thanks for reopening, Alice. A file that ends mid-line usually means the stream was interrupted rather than a row limit. Roughly how long does the download run before it stops, and are you on the office network or on VPN?", { after: 2 }),
      customer("About 5 minutes each time. On VPN. I'll try from the office tomorrow.", { after: 3 }),
      note("5-minute cutoff = their VPN concentrator's idle timeout. Our streamed export sends nothing while the warehouse is still paging the next chunk."),
      chat([
        ["c", "Hi, tried the export from the office this morning — full file, all 340k rows."],
        ["a", "Good morning Alice, thanks for testing. So it's the VPN closing the connection after 5 idle minutes: while the warehouse prepares the next chunk, our export sends nothing, and the VPN counts that as idle."],
        ["c", "Can we avoid that? Half the team is remote."],
        ["a", "Two options today: schedule the export to be delivered by email or SFTP instead of downloading it, or ask your network team to raise the idle timeout for our domain. I've also asked engineering whether streamed exports can send keep-alive data between chunks."],
        ["c", "OK, keep me posted on the keep-alive thing."],
        ["a", "Will do — I'll update the request as soon as I hear back."],
      ], { days: 2, after: 20 }),
      agent("Summary of this morning's chat: streamed exports are cut by the VPN's 5-minute idle timeout. Workarounds: scheduled delivery (email/SFTP) or a longer idle timeout for our domain. I've asked engineering about keep-alive data between chunks and will update you here.", { after: 0.5 }),
    ],
  },
  {
    id: 1044, org: "acme", requester: "dave", priority: "S4", ago: [21, 5],
    subject: "Organization-level access for Acme Corporation (admin request)",
    description: "Hi, as Acme's admin I'd like organization-level access in the support portal so I can keep an eye on everything our team has open with you. I've named Erin Yoon, one of our technical contacts, as the approver.",
    access: { approvalState: "pending", approver: "erin", note: "Needed for the quarterly vendor review." },
    steps: [
      agent("Hi Dave, thanks. Organization-level access requested by an admin needs the approval of one of your technical contacts, so I've sent the approval request to Erin. Once she approves it in the portal I'll grant the access and let you know here.", { after: 2 }),
      hold("Waiting for approval from Acme's technical contact (Erin Yoon)", { after: 0.05 }),
      customer("Erin is on leave until next week, she'll approve it when she's back.", { days: 3 }),
      agent("No problem, Dave — I'll keep this on hold until then.", { after: 1 }),
      hold("Waiting for approval from Acme's technical contact (Erin Yoon)", { after: 0.05 }),
      note("Re-sent the approval email to Erin; she's back since Monday according to her out-of-office.", { days: 8 }),
      agent("Quick update: Erin's approval is still pending in the portal. I've re-sent the approval email to her today.", { days: 9 }),
    ],
  },
  {
    id: 1045, org: "acme", requester: "alice", channel: "email", priority: "S3", ago: [20, 2],
    subject: "Scheduled report still going to a former employee",
    description: "Hi,\nthe \"Weekly KPI\" report still goes to someone who left the company last month (his account is deactivated). How do I remove him? I'm not the owner of the schedule.\n\nAlice",
    steps: [
      ask("Hi Alice, deactivated users stop receiving reports sent to their account, but this schedule lists his address as a plain email recipient, so it keeps going out. The schedule owner (Dave) or an admin can remove it under Schedule → Recipients. Admin → Schedules → filter by recipient also shows every schedule still sending to him."),
      customer("Dave removed him from that one and two others we found with the filter. Thanks."),
      solve("agreed"),
    ],
  },
  {
    id: 1046, org: "globex", requester: "gina", handler: "sam", channel: "chat", priority: "S2", ago: [18, 2],
    subject: "Errore \"permission denied\" sulla connessione erp-replica",
    description: "Chat: tutti i report basati sulla connessione \"erp-replica\" falliscono con \"permission denied for schema vendite\".",
    steps: [
      chat([
        ["c", "Ciao, da stamattina tutti i report basati sulla connessione \"erp-replica\" danno \"permission denied for schema vendite\"."],
        ["a", "Ciao Gina, sono Sam. Verifico subito. L'utente della connessione è sempre \"bi_reader\"?"],
        ["c", "Sì, lo stesso di sempre. Ieri sera abbiamo fatto un aggiornamento del database e"],
      ], { after: 0 }),
      agent("La chat si è interrotta. Gina ha riaperto la conversazione in una nuova chat (#1047): unisco questa richiesta a quella, così resta tutto insieme.", { after: 1.5 }),
      merge(1047, { after: 0.02 }),
    ],
  },
  {
    id: 1047, org: "globex", requester: "gina", handler: "sam", channel: "chat", priority: "S2", ago: [18, 1],
    subject: "Permission denied su erp-replica (continua)",
    description: "Chat: continuazione della chat interrotta sull'errore \"permission denied for schema vendite\".",
    steps: [
      chat([
        ["c", "Scusate, è caduta la connessione. Dicevo: ieri sera abbiamo aggiornato il database ERP e ricreato lo schema \"vendite\"."],
        ["a", "Nessun problema. Se lo schema è stato ricreato, i permessi concessi a \"bi_reader\" sono andati persi insieme allo schema. Il vostro DBA deve rieseguire GRANT USAGE sullo schema e GRANT SELECT sulle tabelle."],
        ["c", "Lo chiedo subito al DBA."],
        ["c", "Fatto, ha rieseguito i GRANT e adesso i report funzionano!"],
        ["a", "Perfetto. Vi consiglio di aggiungere i GRANT allo script di aggiornamento, così non si ripete. Unisco anche la chat precedente a questa richiesta."],
        ["c", "Ottima idea, grazie Sam."],
      ], { after: 0 }),
      note("Schema recreated by their ERP upgrade → grants lost. Nothing on our side."),
      solve("agreed", { after: 1.5 }),
    ],
  },
  {
    id: 1048, org: "acme", requester: "dave", channel: "email", priority: "S4", ago: [16, 6],
    subject: "Renewal quote for next year",
    description: "Hello,\nour contract renews in two months. Could we get a renewal quote for 120 seats, and the price difference if we add the embedding add-on?\n\nDave",
    steps: [
      agent("Hi Dave, renewal quotes come from your account manager, so I've passed your request on to the account team with the seat count and the embedding add-on. They'll send the quote directly."),
      hold("Waiting for the account team to contact the requester", { after: 0.05 }),
      customer("Got the quote from the account team, thanks for forwarding.", { days: 2 }),
      solve("agreed"),
    ],
  },
  {
    id: 1049, org: "globex", requester: "paolo", handler: "sam", priority: "S3", ago: [13, 3],
    subject: "Grafico a torta: le percentuali non sommano a 100%",
    description: "Nel grafico a torta \"Fatturato per canale\" le percentuali mostrate nelle etichette sommano a 101% (34% + 27% + 21% + 19%). Il management lo ha notato in riunione. È un arrotondamento?",
    steps: [
      agent("Buongiorno Paolo, sì, sembra un effetto dell'arrotondamento di ogni fetta. Sto verificando con i vostri valori esatti se il comportamento è quello previsto.", { after: 3 }),
      note("Each slice is rounded independently; no largest-remainder correction. Reproduced with their numbers (33.6/26.6/20.5/19.3). Filed ENG-4930.", { after: 18 }),
      agent("Ho riprodotto il problema: ogni fetta viene arrotondata separatamente, quindi il totale può risultare 99% o 101%. Il team di sviluppo sta lavorando a una correzione (ENG-4930). Nel frattempo si può mostrare una cifra decimale: Grafico → Etichette → \"Decimali: 1\".", { after: 1 }),
      hold("Working with engineering on a bug", { after: 0.05 }),
      agent("Aggiornamento: la correzione per ENG-4930 è in revisione e dovrebbe uscire con il rilascio della prossima settimana. Vi aggiorno qui.", { days: 11 }),
    ],
  },
  {
    id: 1050, org: "acme", requester: "alice", channel: "chat", priority: "S4", ago: [11, 5],
    subject: "Difference between Viewer and Explorer roles",
    description: "Chat: what can Explorer users do that Viewers can't?",
    steps: [
      chat([
        ["c", "Hi, we're adding 15 people from the ops team. What's the actual difference between Viewer and Explorer?"],
        ["a", "Hi Alice! Viewers can open dashboards, change filters and download what they see (if downloads are allowed). Explorers can also build their own queries and charts from the data models and save them to their personal folder."],
        ["c", "Do Explorers count differently for billing?"],
        ["a", "Yes — Explorer is a full seat, Viewer is a viewer seat, which is cheaper. Your plan has 40 viewer seats and 31 are used."],
        ["c", "Great, Viewer it is for most of them then. thanks!"],
        ["a", "You're welcome! Closing this chat."],
      ], { after: 0 }),
      solve("agreed", { after: 0.05 }),
    ],
  },
  {
    id: 1051, org: "acme", requester: "carol", priority: "S4", ago: [10, 2],
    subject: "Can API tokens last longer than 90 days?",
    description: "Our integration tokens expire after 90 days and rotating them is a manual step for three teams. Can the expiry be extended?",
    steps: [
      ask("Hi Carol, yes. An admin can set the maximum lifetime under Admin → API → Token policy, up to 365 days. Tokens already issued keep their expiry, so you'd create new ones after the change. For service integrations we'd still recommend rotating at least yearly."),
      customer("Dave changed the policy to 180 days and we reissued the tokens. Thanks."),
      solve("agreed"),
    ],
  },
  {
    id: 1052, org: "acme", requester: "bob", priority: "S2", ago: [9, 6],
    subject: "SCIM provisioning creates duplicate users",
    description: `Since we moved user provisioning to SCIM last week, 14 people have two accounts: one with their old address (First.Last@acme.test) and one with the lower-case version. Their dashboards and schedules are on the old account, so they think their content disappeared.

Example: Tom.Berger@acme.test and tom.berger@acme.test`,
    steps: [
      ask("Hi Bob, thanks for the example. Could you check in your IdP whether those users' email or userName was changed around the time of the migration (for example normalized to lower case)?", { after: 1 }),
      customer("Yes, our IdP team lower-cased every userName as part of the migration.", { after: 3 }),
      note("SCIM PATCH that changes only the case of userName creates a new user instead of updating — lookup is case-sensitive on that path. Filed ENG-4821."),
      agent("Thanks, that confirms it: when the IdP changes only the letter case of a userName, our SCIM endpoint doesn't match the existing user and creates a new one. Engineering is on it as ENG-4821. In the meantime I can merge the 14 duplicate accounts into the originals (content and schedules stay on the original) — shall I go ahead?", { after: 0.5 }),
      hold("Working with engineering on a bug", { after: 0.05 }),
      customer("Yes please merge them.", { after: 2 }),
      note("Merged the 14 accounts via admin tooling. IdP team paused further case changes."),
      reclassify("S3", "Impact reduced: duplicates merged and the IdP team paused further userName changes", { after: 20 }),
      ask("All 14 accounts are merged and everyone has their content back. Engineering classified ENG-4821 as S3, with an estimated fix in about four weeks. Until then, please avoid case-only userName changes in the IdP. OK to close this request with that bug reference?", { after: 0.2 }),
      customer("Fine by us, thanks for the quick merge.", { after: 4 }),
      solveBug({ reference: "ENG-4821", priority: "S3", etaDays: 28 }, { after: 0.5 }),
    ],
  },
  {
    id: 1053, org: "acme", requester: "alice", priority: "S3", ago: [8, 4],
    subject: "Need a fourth allowed embed domain",
    description: "We want to embed dashboards in a fourth internal site (ops.acme.test), but Admin → Embed says our plan allows 3 embed domains. What are our options?",
    steps: [
      cc("bob", { after: 0.02 }),
      agent("Hi Alice, that's right — your plan includes three embed domains, and additional domains are an add-on. Your account manager can go through the pricing with you, so I've passed your request to the account team; they'll contact you directly this week.", { after: 2 }),
      hold("Waiting for the account team to contact the requester", { after: 0.05 }),
      customer("Thanks. Could they also include the price of the unlimited-domains option?", { by: "bob", after: 26 }),
      agent("Sure, I've added that to the note for the account team.", { after: 1 }),
      hold("Waiting for the account team to contact the requester", { after: 0.05 }),
      agent("Update: the account team has a call booked with you on Monday and will bring both prices. I'll keep this request on hold until then.", { days: 6 }),
    ],
  },
  {
    id: 1054, org: "acme", requester: "erin", priority: "S3", ago: [8, 1],
    subject: "API returns 429 Too Many Requests during nightly sync",
    description: `Our nightly sync that pulls dashboard metadata fails halfway with:

    HTTP 429 Too Many Requests
    Retry-After: 37

It ran fine for months. We didn't change the job.`,
    steps: [
      ask("Hi Erin, the API allows 60 requests per minute per token. Your job's traffic grew from about 900 to 2,400 calls a night, since it now walks every dashboard's tiles, and it doesn't wait for Retry-After. Could you share one request ID from a failed run (the X-Request-Id response header) so I can confirm the pattern?", { after: 2 }),
      remind("Hi Erin, following up: could you send a request ID from one of the failed runs? Alternatively, honouring the Retry-After header in the job should already be enough.", { days: 3 }),
    ],
  },
  {
    id: 1055, org: "acme", requester: "alice", priority: "S3", ago: [7, 3],
    subject: "Heatmap legend overlaps the values",
    description: "On the \"Support load by hour\" heatmap the legend overlaps the top row of values, so we can't read Monday 9–11.",
    steps: [
      ask("Hi Alice, I couldn't reproduce this on a similar heatmap. Could you send a screenshot and tell me the browser zoom level? The legend position also depends on the tile height.", { after: 1 }),
      remind("Hi Alice, just checking whether you had a chance to send a screenshot of the heatmap and the zoom level.", { days: 3 }),
      remind("Hi Alice, one more check-in about the heatmap legend. I'll close this request in a few days if we don't hear back; a reply here reopens it.", { days: 3 }),
    ],
  },
  {
    id: 1056, org: "acme", requester: "erin", priority: "S3", ago: [6, 8],
    subject: "Webhook alert payload is missing the dashboard URL",
    description: "We send alerts to a webhook for our on-call tool. The JSON payload has alert_name, value and threshold, but no link to the dashboard, so on-call has to search for it. Is there a field for that?",
    steps: [
      ask("Hi Erin, yes: the payload includes dashboard_url and tile_url when \"Include links\" is enabled on the alert's webhook destination (Alert → Destinations → Webhook → Options). It's off by default for webhooks."),
      customer("Enabled it, the links are in the payload now. Thank you!"),
      solve("agreed"),
    ],
  },
  {
    id: 1057, org: "acme", requester: "carol", priority: "S2", ago: [6, 2],
    subject: "Customer 360 queries 10x slower after Tuesday's upgrade",
    description: `Since the platform upgrade on Tuesday, queries on the "Customer 360" explore take 60–95 seconds instead of 6–8. Same warehouse, same data volume. Example query ID: Q-88213-ac.

The generated SQL now has a COUNT(DISTINCT …) over the whole orders join that wasn't there before.`,
    steps: [
      cc("erin", { after: 0.1 }),
      agent("Hi Carol, thanks for the query ID. I'm comparing the SQL generated before and after the upgrade for that explore.", { after: 1 }),
      note("The new release changed the SQL generator: symmetric aggregates are now emitted for the customers→orders join because it's declared many_to_many in their model. Trying to reproduce with a model of the same shape.", { after: 2 }),
      agent("The new release treats the customers → orders join as a possible fan-out and now adds symmetric aggregates (the COUNT(DISTINCT …) you saw). We're reproducing it with a model of the same shape to see whether this is intended. Workaround: if each order belongs to exactly one customer, declaring that join as many_to_one in the model removes the extra aggregation.", { after: 0.5 }),
      hold("Reproducing the reported bug", { after: 0.05 }),
      customer("Erin tried the workaround on a branch: back to 8 seconds. Is it safe to deploy to production?", { by: "erin", after: 20 }),
      reclassify("S3", "Impact reduced: workaround in place", { after: 1 }),
      agent("Yes, it's safe as long as every order belongs to exactly one customer — the relationship only tells the SQL generator it can't fan out. I'll keep this on hold while we finish reproducing the change in the generator.", { after: 0.2 }),
      hold("Reproducing the reported bug", { after: 0.05 }),
      agent("Update: we can reproduce the slowdown with the join declared many_to_many, and engineering is checking whether the new behaviour should only apply when the join really fans out. I'll update you here as soon as they conclude.", { days: 3 }),
    ],
  },
  {
    id: 1058, org: "globex", requester: "jiho", handler: "hana", priority: "S3", ago: [5, 4],
    subject: "임베드 대시보드 세션이 15분 후 만료됩니다",
    description: "서명된 임베드 URL로 대시보드를 사내 포털에 넣었는데, 15분이 지나면 '세션이 만료되었습니다'라는 메시지가 나오고 다시 로드해야 합니다. 근무 시간 내내 열어 두는 화면이라 불편합니다.",
    steps: [
      ask("안녕하세요, 박지호 님. 임베드 세션 길이는 서명된 URL의 session_length 파라미터로 정해지며 기본값은 900초(15분)입니다. 현재 어떤 값을 사용하고 계신지 알려 주시겠어요?", { after: 2 }),
      customer("session_length=86400 으로 설정했는데도 15분 후 만료됩니다. 예시 URL을 첨부합니다(서명 제외).", { after: 20 }),
      note("86400 exceeds the 43200 max; values above the max silently fall back to the 900s default. Docs don't say so."),
      ask("확인해 보니 session_length의 최대값은 43200초(12시간)이며, 그보다 큰 값은 기본값인 900초로 대체됩니다. 43200 이하로 설정해 보시고 결과를 알려 주시겠어요? 이 동작이 문서에 없는 점은 문서팀에 전달했습니다.", { after: 0.5 }),
    ],
  },
  {
    id: 1059, org: "acme", requester: "alice", priority: "S3", ago: [4, 3],
    subject: "PDF export cuts off wide tables",
    description: "The \"Regional Margin\" table has 18 columns. In the PDF export the last columns are simply cut off at the page edge.",
    steps: [
      ask("Hi Alice, could you try the export with Orientation → Landscape and \"Fit tables to page width\" enabled in the PDF options?", { after: 3 }),
      customer("Landscape helps, but the last 3 columns are still cut off. Attached the PDF.", { after: 20 }),
      ask("Thanks for the file. With 18 columns, landscape A4 is too narrow even with fitting. Could you try paper size A3 (PDF options → Paper size), or hide the three \"prior year\" columns in the PDF only (Tile → PDF options → Columns)? Let me know which works better for you.", { after: 2 }),
    ],
  },
  {
    id: 1060, org: "globex", requester: "gina", handler: "sam", channel: "email", priority: "S4", ago: [3, 5],
    subject: "Fattura duplicata per lo stesso mese",
    description: "Buongiorno,\nquesto mese abbiamo ricevuto due fatture identiche (INV-24410 e INV-24411) per lo stesso periodo. Potete verificare?\n\nGina Marchetti\nAmministrazione, Globex",
    steps: [
      cc("paolo", { after: 0.02 }),
      ask("Buongiorno Gina, ha ragione: INV-24411 è stata emessa due volte per errore ed è stata annullata, riceverete una nota di credito. Potete confermarmi di non aver già pagato entrambe?", { after: 4 }),
      customer("Confermo, abbiamo pagato solo INV-24410.\n\nPaolo", { by: "paolo", after: 22 }),
      ask("Grazie Paolo. In allegato la nota di credito NC-1187 per INV-24411. Se non avete altre domande chiudo la richiesta.", { after: 1 }),
    ],
  },
  {
    id: 1061, org: "acme", requester: "alice", priority: "S3", ago: [2, 6],
    subject: "Alert fired but the email never arrived",
    description: "Our \"Daily signups below 500\" alert shows as triggered in the alert history, but nobody on the recipient list got an email.",
    steps: [
      ask("Hi Alice, could you tell me when the alert fired (with timezone) and who should have received it?", { after: 2 }),
      customer("Yesterday 07:00 Chicago time according to the alert history. Recipients: me and Bob. Neither of us got anything, not in spam either.", { after: 30 }),
      agent("Thanks. I'm checking our mail logs for that send now.", { after: 1 }),
    ],
  },
  {
    id: 1062, org: "globex", requester: "gina", handler: "sam", priority: "S4", ago: [2, 1],
    subject: "Alcune etichette restano in inglese con l'interfaccia in italiano",
    description: "Con la lingua impostata su italiano, alcune etichette del dashboard restano in inglese: \"Last updated\", \"Show more\", \"No results\".",
    steps: [
      ask("Ciao Gina, grazie. Le etichette dell'interfaccia sono tradotte, quindi probabilmente si tratta di testi personalizzati di un riquadro. Mi manda uno screenshot o il nome del riquadro?", { after: 3 }),
      customer("Ecco: sono tutte nel riquadro \"Tabella giacenze\" del dashboard Magazzino.", { after: 20 }),
    ],
  },
  {
    id: 1063, org: "acme", requester: "alice", priority: "S2", ago: [1, 4],
    subject: "Finance group can't see the new \"FY Planning\" folder",
    description: "Dave created a \"FY Planning\" folder yesterday and shared it with the Finance group, but nobody in Finance can see it. Budget reviews start tomorrow.",
    steps: [
      cc("bob", { after: 0.02 }),
      ask("Hi Alice, I'm checking the folder's permissions now. Was the folder created from scratch or by copying an existing one?", { after: 1 }),
      customer("From scratch, as far as I know. I'm in Finance and can't see it either.", { by: "bob", after: 10 }),
      note("Folder created with \"Don't inherit access\"; Finance has no explicit grant — Dave shared it with the \"Finance Leads\" group, not \"Finance\"."),
      ask("Found it: the folder was shared with the \"Finance Leads\" group rather than \"Finance\", and it doesn't inherit access from its parent. Dave (or any admin) can add the Finance group under Folder → Manage access.", { after: 0.3 }),
      customer("Dave is travelling until tomorrow night and he's our only admin — can you add the Finance group for us?", { after: 12 }),
    ],
  },
  {
    id: 1064, org: "acme", requester: "bob", priority: "S4", ago: [1, 1],
    subject: "Can a scheduled report be delivered to SFTP?",
    description: "We'd like the daily orders extract delivered to our SFTP server instead of email. Is that supported, and which authentication methods do you support?",
    steps: [],
  },
  {
    id: 1065, org: "globex", requester: "jiho", handler: "hana", channel: "chat", priority: "S3", ago: [0, 5],
    subject: "비밀번호 재설정 이메일이 오지 않습니다",
    description: "채팅: 비밀번호 재설정 이메일이 오지 않고, SSO로 로그인하면 '계정이 연결되어 있지 않습니다' 오류가 납니다.",
    steps: [
      chat([
        ["c", "안녕하세요. 새로 입사한 팀원이 비밀번호 재설정 이메일을 받지 못하고 있습니다."],
        ["a", "안녕하세요, 박지호 님. Hana입니다. Globex는 SSO를 사용하도록 설정되어 있어서 비밀번호 재설정 기능이 꺼져 있습니다. SSO 버튼으로 로그인하시면 됩니다."],
        ["c", "SSO 버튼으로 로그인하면 '계정이 연결되어 있지 않습니다'라는 오류가 나옵니다."],
        ["a", "그렇군요. 해당 팀원의 이메일 주소를 알려 주시겠어요?"],
        ["c", "minseo.kim@globex.test 입니다."],
        ["a", "감사합니다. 기존 계정과 IdP 계정의 연결 상태를 확인한 뒤 이 요청에서 답변드리겠습니다."],
      ], { after: 0 }),
      note("Existing password account for minseo.kim was created manually before SSO; IdP sends a different subject. Needs unlinking + relink.", { after: 0.3 }),
    ],
  },
  {
    id: 1066, org: "acme", requester: "alice", priority: "S1", ago: [0, 2],
    subject: "Nobody can sign in after we enabled the IP allow-list",
    description: "URGENT — about 20 minutes ago I enabled Admin → Security → IP allow-list with our office range. Everyone working from home immediately got \"Access denied: your network is not allowed\", and most of the company is remote today. I turned the allow-list off again 5 minutes ago, but people still get the error.",
    steps: [
      cc("dave", { after: 0.02 }),
      agent("Hi Alice, I'm on it. The allow-list is cached at our edge for up to 15 minutes, so turning it off doesn't take effect right away. I've flushed the cache for your organization — could you ask a remote colleague to try again now?", { after: 0.15 }),
      customer("Most people are in again, but the sales team on VPN still gets the error.", { after: 0.25 }),
      note("One edge region still had a stale deny entry for their VPN egress range (198.51.100.0/24). Flushed it separately — the regional cache kerfuffle again, flag to infra.", { after: 0.1 }),
      agent("Found it: one of our edge regions still had the old rule cached for your VPN's address range. I've cleared it there too. Please ask the sales team to retry and let me know.", { after: 0.1 }),
      customer("Retrying now, will confirm.", { after: 0.15 }),
    ],
  },
];
