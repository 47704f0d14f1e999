import { describe, expect, it } from "vitest";
import { AGENT_MAIL_KINDS, CUSTOMER_MAIL_KINDS, type NotificationKind } from "@/domain";
import { LOCALES, type Locale } from "@/i18n/locales";
import { REPLY_ABOVE_THIS_LINE, renderChatTranscriptMail, renderPasswordResetMail, renderRequestMail, type ChatTranscriptMailProps, type MailContent, type RequestMailProps } from ".";
import { mailedMessages } from "./markdown";

const KINDS: NotificationKind[] = [...CUSTOMER_MAIL_KINDS, ...AGENT_MAIL_KINDS];

const LINKS = {
  requestUrl: "https://help.example.com/requests/1042",
  preferencesUrl: "https://help.example.com/settings/notifications",
  unsubscribeUrl: "https://help.example.com/mail/unsubscribe/t0k3n",
};

function props(overrides: Partial<RequestMailProps> = {}): RequestMailProps {
  return {
    kind: "agent_reply",
    locale: "en",
    recipientName: "Ana Lima",
    request: { id: 1042, subject: "Dashboard does not load", status: "pending", solvedReason: null, mergedIntoId: null },
    message: { authorName: "Jane Agent", body: "Could you send the **browser console** output?", at: new Date("2025-06-03T14:05:00Z") },
    ...LINKS,
    supportName: "Example Support",
    ...overrides,
  };
}

const ENTITIES: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#x27;": "'", "&#39;": "'", "&amp;": "&" };

/** The text a reader sees in the HTML part, tags and comments removed and entities decoded, in order. */
function visibleText(html: string): string {
  const body = html.slice(html.indexOf("<body"));
  return body
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<[^>]+>/g, "\n")
    .replace(/&(lt|gt|quot|#x27|#39|amp);/g, (entity) => ENTITIES[entity] ?? entity)
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

/** What must never be in any mail: a translation key where its text should be, or an unfilled placeholder. */
function expectNoRawKeys(mail: MailContent) {
  for (const part of [mail.subject, mail.text, visibleText(mail.html)]) {
    expect(part).not.toMatch(/\b(mail|request|status|solvedReason)\.[A-Za-z_]+(\.[A-Za-z_]+)*\b/);
    expect(part).not.toMatch(/\{[A-Za-z]+\}/);
  }
}

describe("request notifications", () => {
  const cases = KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as [NotificationKind, Locale]));

  it.each(cases)("%s renders in %s, with every part it needs", async (kind, locale) => {
    const request = kind === "request_solved" ? ({ id: 1042, subject: "Dashboard does not load", status: "solved", solvedReason: "agreed", mergedIntoId: null } as const) : undefined;
    const mail = await renderRequestMail(props({ kind, locale, ...(request && { request }) }));

    expect(mail.subject.startsWith("[#1042] ")).toBe(true);
    expect(mail.subject).toContain("Dashboard does not load");
    // The separator comes first in both parts, so a reply is cut above everything Portico wrote.
    expect(mail.text.split("\n")[0]).toBe(REPLY_ABOVE_THIS_LINE);
    expect(visibleText(mail.html).split("\n")[0]).toBe(REPLY_ABOVE_THIS_LINE);
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("Ana Lima");
      expect(part).toContain("Jane Agent");
      expect(part).toContain("browser console");
      expect(part).toContain("Example Support");
    }
    for (const url of Object.values(LINKS)) {
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(`href="${url}"`);
    }
    expectNoRawKeys(mail);
  });

  it("keeps the subject on one line, whatever the request's subject holds", async () => {
    const request = { id: 7, subject: "Broken\r\nBcc: victim@example.com\n\nagain\u2028end", status: "open", solvedReason: null, mergedIntoId: null } as const;
    for (const kind of KINDS) {
      const mail = await renderRequestMail(props({ kind, request }));
      expect(mail.subject).not.toMatch(/[\r\n\u2028\u2029]/);
      expect(mail.subject).toMatch(/^\[#7\] /);
      expect(mail.subject).toContain("Broken Bcc: victim@example.com again end");
    }
  });

  it("says how a request was solved, with the portal's words in each language", async () => {
    const solved = (solvedReason: "agreed" | "bug_reported" | "no_response", locale: Locale) =>
      renderRequestMail(props({ kind: "request_solved", locale, request: { id: 1042, subject: "Dashboard", status: "solved", solvedReason, mergedIntoId: null } }));

    const expected: Record<Locale, Record<"agreed" | "bug_reported" | "no_response", string>> = {
      en: { agreed: "Solved — agreed", bug_reported: "Solved — bug reported", no_response: "Solved — no response" },
      ko: { agreed: "해결됨 — 해결에 동의함", bug_reported: "해결됨 — 버그 보고됨", no_response: "해결됨 — 응답 없음" },
      it: { agreed: "Risolto — concordato", bug_reported: "Risolto — bug segnalato", no_response: "Risolto — nessuna risposta" },
    };
    for (const locale of LOCALES) {
      for (const reason of ["agreed", "bug_reported", "no_response"] as const) {
        const mail = await solved(reason, locale);
        expect(mail.text, `${locale} ${reason}`).toContain(expected[locale][reason]);
        expect(visibleText(mail.html)).toContain(expected[locale][reason]);
      }
    }
    expect((await solved("agreed", "en")).subject).toBe("[#1042] Solved: Dashboard");
    expect((await solved("agreed", "ko")).subject).toBe("[#1042] 해결됨: Dashboard");
    expect((await solved("agreed", "it")).subject).toBe("[#1042] Risolto: Dashboard");
  });

  it("names the status with the glossary's terms", async () => {
    const labels: Record<Locale, string[]> = {
      en: ["Status: Open", "Status: Pending", "Status: On-hold", "Status: Solved"],
      ko: ["상태: 열기", "상태: 응답 대기", "상태: 보류 중", "상태: 해결됨"],
      it: ["Stato: Aperta", "Stato: In attesa di una risposta", "Stato: In attesa", "Stato: Risolto"],
    };
    for (const locale of LOCALES) {
      const statuses = ["open", "pending", "on_hold", "solved"] as const;
      for (const [index, status] of statuses.entries()) {
        const mail = await renderRequestMail(props({ kind: "agent_reply", locale, request: { id: 1, subject: "S", status, solvedReason: null, mergedIntoId: null } }));
        expect(mail.text.split("\n"), `${locale} ${status}`).toContain(labels[locale][index]);
      }
    }
  });

  it("writes Korean and Italian mail in Korean and Italian", async () => {
    const ko = await renderRequestMail(props({ locale: "ko" }));
    expect(ko.text).toContain("Ana Lima님, 안녕하세요.");
    expect(ko.text).toContain("Example Support에서 이 요청에 답장했습니다.");
    expect(ko.text).toContain("요청 #1042 보기");
    expect(ko.text).toContain("알림 설정");
    expect(ko.html).toContain('lang="ko"');

    const it_ = await renderRequestMail(props({ locale: "it", kind: "assigned" }));
    expect(it_.subject).toBe("[#1042] Assegnata a te: Dashboard does not load");
    expect(it_.text).toContain("Buongiorno Ana Lima,");
    expect(it_.text).toContain("Questa richiesta ora è assegnata a te.");
    expect(it_.text).toContain("Impostazioni delle notifiche");
    expect(it_.html).toContain('lang="it"');
  });

  it("shows the message's author and time, in UTC with the zone named", async () => {
    const mail = await renderRequestMail(props());
    expect(mail.text).toContain("Jane Agent · June 3, 2025 at 2:05 PM UTC");
  });

  it("escapes names and subjects in the HTML: markup in them is shown as text", async () => {
    const mail = await renderRequestMail(
      props({
        recipientName: "<script>alert('name')</script>",
        request: { id: 1042, subject: '<img src=x onerror="alert(1)">', status: "open", solvedReason: null, mergedIntoId: null },
        message: { authorName: "<b>Agent</b>", body: "Hello", at: new Date("2025-06-03T14:05:00Z") },
        supportName: "<i>Support</i>",
      }),
    );
    expect(mail.html).not.toMatch(/<script/i);
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.html).not.toMatch(/<b>|<i>/);
    expect(mail.html).toContain("&lt;script&gt;");
    expect(visibleText(mail.html)).toContain("<script>alert('name')</script>");
    expect(mail.text).toContain("<script>alert('name')</script>");
    expect(mail.text).toContain('<img src=x onerror="alert(1)">');
  });

  it("renders Markdown in a message sanitized: no script, no raw HTML, no script links, no images", async () => {
    const body = [
      "Some **bold** and a [good link](https://docs.example.com/page).",
      "",
      "<script>alert(1)</script>",
      "",
      '<div style="display:none" onclick="steal()">hidden</div>',
      "",
      "Inline <b>tag</b> and <img src=x onerror=alert(2)> here.",
      "",
      "[click me](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) [here](/relative/path)",
      "",
      "![tracking pixel](https://tracker.example.com/p.png)",
    ].join("\n");
    const mail = await renderRequestMail(props({ message: { authorName: "Mallory", body, at: new Date("2025-06-03T14:05:00Z") } }));

    expect(mail.html).not.toMatch(/<script/i);
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.html).not.toMatch(/<div[^>]*onclick/i);
    expect(mail.html).not.toMatch(/<[^>]+\son[a-z]+=/i);
    expect(mail.html).not.toMatch(/javascript:/i);
    expect(mail.html).not.toMatch(/href="data:/i);
    expect(mail.html).not.toMatch(/href="\/relative/);
    expect(mail.html).not.toMatch(/<b>/);
    // What Markdown means survives, and the typed HTML shows as the text it is.
    expect(mail.html).toContain('href="https://docs.example.com/page"');
    expect(mail.html).toMatch(/<strong[^>]*>bold<\/strong>/);
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(visibleText(mail.html)).toContain("click me");
    // An image is only a link to it, never loaded.
    expect(mail.html).toMatch(/<a href="https:\/\/tracker\.example\.com\/p\.png"[^>]*>Image: tracking pixel<\/a>/);
  });

  it("writes a readable text part: the separator, the message with its line breaks, and every link written out", async () => {
    const body = "First line\nsecond line\n\n- one\n- two\n\nSee [the guide](https://docs.example.com/guide).";
    const mail = await renderRequestMail(props({ message: { authorName: "Jane Agent", body, at: new Date("2025-06-03T14:05:00Z") } }));
    const lines = mail.text.split("\n");
    expect(lines[0]).toBe(REPLY_ABOVE_THIS_LINE);
    expect(lines).toContain("First line");
    expect(lines).toContain("second line");
    expect(lines).toContain(" * one");
    expect(mail.text).toContain("the guide https://docs.example.com/guide");
    expect(mail.text).toContain(`View request #1042 ${LINKS.requestUrl}`);
    expect(mail.text).toContain(`Notification settings ${LINKS.preferencesUrl}`);
    expect(mail.text).toContain(`Stop emails like this one ${LINKS.unsubscribeUrl}`);
    expect(mail.text).not.toMatch(/<[a-z][^>]*>/i);
  });

  it("renders a message once for all of a change's recipients in a language, and each language's image wording its own", async () => {
    const body = `A description of its own (${Math.random()}), with ![a screenshot](https://files.example.com/shot.png)\n`.repeat(200);
    const message = { authorName: "Dave Whitfield", body, at: new Date("2025-06-03T14:05:00Z") };
    const before = mailedMessages.count;
    const ana = await renderRequestMail(props({ recipientName: "Ana Lima", message }));
    const bruno = await renderRequestMail(props({ recipientName: "Bruno Costa", message }));
    expect(mailedMessages.count).toBe(before + 1);
    const quoted = (mail: MailContent) => mail.html.slice(mail.html.indexOf("A description of its own"), mail.html.lastIndexOf("a screenshot"));
    expect(quoted(bruno)).toBe(quoted(ana));
    expect(bruno.text).toContain("Bruno Costa");

    const korean = await renderRequestMail(props({ locale: "ko", message }));
    expect(mailedMessages.count).toBe(before + 2);
    expect(korean.html).not.toContain("Image: a screenshot");
    expect(ana.html).toContain("Image: a screenshot");
  });

  it("renders without a message, and greets a person without a name", async () => {
    const mail = await renderRequestMail(props({ kind: "assigned", message: null, recipientName: "  " }));
    expect(mail.text.split("\n")).toContain("Hello,");
    expect(mail.text).toContain("This request is now assigned to you.");
    expectNoRawKeys(mail);
  });

  it("loads nothing from elsewhere: no images, fonts or style sheets, styles inline", async () => {
    const mail = await renderRequestMail(props({ message: { authorName: "A", body: "![x](https://cdn.example.com/x.png)", at: new Date() } }));
    expect(mail.html).not.toMatch(/<img|<link|<style|@import|url\(/i);
    expect(mail.html).toContain("max-width:600px");
  });
});

describe("password reset mail", () => {
  it.each(LOCALES)("renders in %s with the link, how long it lasts and what to do if it was not asked for", async (locale) => {
    const resetUrl = "https://help.example.com/password/reset?token=abc123";
    const mail = await renderPasswordResetMail({ locale, recipientName: "Ana Lima", resetUrl, expiresInMinutes: 30, supportName: "Example Support" });
    const expected = {
      en: ["Reset your password", "30 minutes", "If you did not ask for this, ignore this email: your password stays as it is."],
      ko: ["비밀번호 재설정", "30분", "직접 요청하지 않았다면 이 이메일을 무시하세요. 비밀번호는 바뀌지 않습니다."],
      it: ["Reimposta la password", "30 minuti", "Se non l'hai chiesto tu, ignora questa email: la tua password resta invariata."],
    }[locale];
    expect(mail.subject).toBe(expected[0]);
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain(expected[1]);
      expect(part).toContain(expected[2]);
      expect(part).toContain("Ana Lima");
      expect(part).toContain("Example Support");
    }
    expect(mail.html).toContain(`href="${resetUrl.replace("&", "&amp;")}"`);
    expect(mail.text).toContain(resetUrl);
    // Nobody replies to it, so it has no separator.
    expect(mail.text).not.toContain(REPLY_ABOVE_THIS_LINE);
    expect(mail.html).not.toContain(REPLY_ABOVE_THIS_LINE);
    expectNoRawKeys(mail);
  });

  it("says the validity in hours when it is whole hours", async () => {
    const mail = await renderPasswordResetMail({ locale: "en", recipientName: "Ana", resetUrl: "https://help.example.com/r", expiresInMinutes: 120, supportName: "S" });
    expect(mail.text).toContain("The link is valid for 2 hours.");
    const one = await renderPasswordResetMail({ locale: "en", recipientName: "Ana", resetUrl: "https://help.example.com/r", expiresInMinutes: 1, supportName: "S" });
    expect(one.text).toContain("The link is valid for 1 minute.");
  });
});

describe("chat transcripts", () => {
  const transcript = (overrides: Partial<ChatTranscriptMailProps> = {}): ChatTranscriptMailProps => ({
    locale: "en",
    recipientName: "Ana Lima",
    request: { id: 1042, subject: "Dashboard does not load" },
    chat: { startedAt: new Date("2025-06-03T14:05:00Z"), endedBy: "customer" },
    lines: [
      { id: "l1", authorName: "Ana Lima", body: "Hello <b>there</b>\nsecond line", sentAt: new Date("2025-06-03T14:05:00Z") },
      { id: "l2", authorName: "Jane Agent", body: "Looking into it.", sentAt: new Date("2025-06-03T14:06:00Z") },
    ],
    ...LINKS,
    supportName: "Example Support",
    ...overrides,
  });

  it.each(LOCALES)("renders in %s with every line, who wrote it and when, and the way to the request", async (locale) => {
    const mail = await renderChatTranscriptMail(transcript({ locale }));
    expect(mail.subject.startsWith("[#1042] ")).toBe(true);
    expect(mail.subject).toContain("Dashboard does not load");
    expect(mail.text.split("\n")[0]).toBe(REPLY_ABOVE_THIS_LINE);
    for (const part of [mail.text, visibleText(mail.html)]) {
      expect(part).toContain("Jane Agent");
      expect(part).toContain("Looking into it.");
      expect(part).toContain("UTC");
    }
    for (const url of Object.values(LINKS)) {
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(`href="${url}"`);
    }
    expect(mail.html).toContain(`lang="${locale}"`);
    expectNoRawKeys(mail);
  });

  it("says so in English, keeps a line's breaks, and shows markup as text", async () => {
    const mail = await renderChatTranscriptMail(transcript());
    expect(mail.subject).toBe("[#1042] Your chat about Dashboard does not load");
    expect(mail.text).toContain("Jane Agent · June 3, 2025 at 2:06 PM UTC");
    const lines = mail.text.split("\n");
    expect(lines).toContain("Hello <b>there</b>");
    expect(lines).toContain("second line");
    expect(mail.html).not.toMatch(/<b>there/);
    expect(mail.html).toContain("&lt;b&gt;there&lt;/b&gt;");
    expect(mail.text).not.toContain("nobody wrote");
    expect((await renderChatTranscriptMail(transcript({ chat: { startedAt: new Date("2025-06-03T14:05:00Z"), endedBy: "idle" } }))).text).toContain("nobody wrote for a while");
  });

  it("writes the times in the reader's time zone when known", async () => {
    const mail = await renderChatTranscriptMail(transcript({ timeZone: "Asia/Seoul" }));
    expect(mail.text).toContain("Jane Agent · June 3, 2025 at 11:06 PM GMT+9");
  });

  it("keeps the subject on one line", async () => {
    const mail = await renderChatTranscriptMail(transcript({ request: { id: 7, subject: "Broken\r\nBcc: victim@example.com" } }));
    expect(mail.subject).toBe("[#7] Your chat about Broken Bcc: victim@example.com");
  });
});
