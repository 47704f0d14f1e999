import { describe, expect, it } from "vitest";
import { parseInboundMail, type ParsedInbound } from "@/server/mail/inbound/parse";
import { replyTextOf } from "@/server/mail/inbound/reply-text";
import { loadFixture, type MailFixture, type MailFixtureSubstitutions } from "../fixtures/mail";

// The inbound mail reader over the fixture corpus (tests/fixtures/mail): what each mail program's
// reply is cut down to, every charset decoded exactly, robots recognised, bounces read.

const REPLY_TO = "support+1042.sq3v7ybdkqkhjmxk2w4ghn5d3fe@portico.test";
const MESSAGE_ID = "notification-1042.7@portico.test";

async function parsed(name: MailFixture, substitutions: MailFixtureSubstitutions = {}): Promise<ParsedInbound> {
  const result = await parseInboundMail(loadFixture(name, { REPLY_TO, MESSAGE_ID, ...substitutions }));
  if (!result.ok) throw new Error(`${name} did not parse: ${result.reason}`);
  return result.mail;
}

describe("replies from common mail programs", () => {
  it('reads a webmail reply: the quote, its "On … wrote:" header and the signature are cut', async () => {
    const mail = await parsed("reply-webmail");
    expect(mail).toMatchObject({
      messageId: "CAF=xk2pQm3J8a+Wb7n_kS0dPq4Zr@mail.webmail.example",
      inReplyTo: [MESSAGE_ID],
      references: [MESSAGE_ID],
      subject: "Re: [#1042] The printer on floor 2 jams",
      from: { address: "alice@acme.test", name: "Alice Whitmore" },
      recipients: [REPLY_TO, "bob@acme.test"],
      ccAddresses: [REPLY_TO, "bob@acme.test"],
      automatic: null,
      bounce: null,
      attachments: [],
    });
    expect(mail.date?.toISOString()).toBe("2026-11-30T09:31:04.000Z");
    expect(mail.replyText).toBe("Thanks, restarting the print spooler fixed it.\n\nOne more question: can Bob get the same fix on his laptop?");
    expect(mail.fullText).toContain("> Please restart the print spooler and try again.");
    expect(mail.fullText).toContain("Acme Corp – Facilities");
  });

  it("reads a desktop client's reply: the From/Sent block and the original message are cut", async () => {
    const mail = await parsed("reply-desktop", { FROM: "Bob@Acme.test" });
    expect(mail.from).toEqual({ address: "bob@acme.test", name: "Bob Nakamura" });
    expect(mail.replyText).toBe("Hi,\n\nThe invoice still shows the old address. Could you check again?\n\nThanks\nBob");
    expect(mail.fullText).toContain("-----Original Message-----");
  });

  it('reads a phone\'s reply: its "Sent from my …" line and the quote are cut', async () => {
    const mail = await parsed("reply-phone");
    expect(mail.subject).toBe("Re: [#1042] New badge for the lab door");
    expect(mail.replyText).toBe("Yes, the new badge opens the lab door now. Thank you!");
  });

  it("reads the desktop client's HTML alternative to the same reply", async () => {
    // The plain part turned into an attached file, so the HTML alternative is the mail's text.
    const raw = loadFixture("reply-desktop", { REPLY_TO, MESSAGE_ID })
      .toString("latin1")
      .replace('Content-Type: text/plain; charset="us-ascii"', 'Content-Type: text/plain; charset="us-ascii"\r\nContent-Disposition: attachment; filename="reply.txt"');
    const result = await parseInboundMail(Buffer.from(raw, "latin1"));
    expect(result.ok && result.mail.replyText).toBe("Hi,\n\nThe invoice still shows the old address. Could you check again?\n\nThanks\nBob");
    expect(result.ok && result.mail.fullText).not.toContain("margin-top");
  });

  it("reads an HTML-only mail as text, without its script, style or tracking image", async () => {
    const mail = await parsed("html-only");
    expect(mail.replyText).toBe("Hello,\n\nThe Export button still does nothing when I click it – see the report page <https://acme.test/report>.");
    for (const unwanted of ["attacker.example", "document.cookie", "font-family", "display: none", "tracker.example", "<p>", "Reply"]) {
      expect(mail.fullText).not.toContain(unwanted);
    }
    expect(mail.fullText).toContain("Could you try the export again?");
  });

  it("keeps what was forwarded below the sender's note", async () => {
    const mail = await parsed("forwarded");
    expect(mail.replyText.startsWith("Please see the message from our supplier below. Can you tell them our new delivery address?\n\n---------- Forwarded message ---------")).toBe(true);
    expect(mail.replyText).toContain("Your toner order 7781 is delayed because the delivery address could not be confirmed.");
    expect(mail.ccAddresses).toEqual(["support@portico.test", "carol@acme.test"]);
  });

  it("keeps a forward that looks like a reply (a From/Sent block) when the subject says it is forwarded", async () => {
    const text = [
      "Could you look at this invoice?",
      "",
      "Bob",
      "",
      "________________________________",
      "From: Billing <billing@supplier.example>",
      "Sent: Monday, November 30, 2026 8:00 AM",
      "To: Bob Nakamura <bob@acme.test>",
      "Subject: Invoice 2026-118",
      "",
      "Please find the invoice for November.",
    ].join("\n");
    expect(replyTextOf(text)).toBe("Could you look at this invoice?\n\nBob");
    expect(replyTextOf(text, { forwarded: true })).toBe(text);
    const raw = loadFixture("reply-desktop", { REPLY_TO, MESSAGE_ID }).toString("latin1").replace("Subject: RE: [#1042]", "Subject: FW: [#1042]");
    const result = await parseInboundMail(Buffer.from(raw, "latin1"));
    // Our separator still cuts our own notification away.
    expect(result.ok && result.mail.replyText).toBe(
      "Hi,\n\nThe invoice still shows the old address. Could you check again?\n\nThanks\nBob\n\n________________________________\nFrom: Portico Support <" +
        REPLY_TO +
        ">\nSent: Monday, November 30, 2026 9:12 AM\nTo: Bob Nakamura <alice@acme.test>\nSubject: [#1042] Invoice shows the old address",
    );
  });

  it("reads a new request with files, and the colleagues it was copied to", async () => {
    const mail = await parsed("attachment");
    expect(mail.replyText).toBe("Hello,\n\nPrinter 3 on the second floor shows error E42 since this morning.\nThe service report and the printer's log are attached.\n\nAlice");
    expect(mail.recipients).toEqual(["support@portico.test", "bob@acme.test", "alice@acme.test"]);
    expect(mail.ccAddresses).toEqual(["support@portico.test", "bob@acme.test"]);
    expect(mail.attachments.map(({ fileName, contentType, inline }) => ({ fileName, contentType, inline }))).toEqual([
      { fileName: "service-report.pdf", contentType: "application/pdf", inline: false },
      { fileName: "printer-3.log", contentType: "text/plain", inline: false },
    ]);
    expect(mail.attachments[0]?.content.subarray(0, 8).toString("latin1")).toBe("%PDF-1.4");
    expect(mail.attachments[1]?.content.toString("utf8")).toContain("printer-3 ERROR E42 paper feed jam");
  });
});

describe("charsets", () => {
  it("decodes Korean in EUC-KR: subject, name and body", async () => {
    const mail = await parsed("korean-euc-kr");
    expect(mail.subject).toBe("Re: [#1042] 결제 오류 문의");
    expect(mail.from?.name).toBe("서하나");
    expect(mail.replyText).toBe("안녕하세요,\n\n카드 결제가 계속 실패합니다. 오류 코드는 E-302입니다.\n확인 부탁드립니다.\n\n감사합니다.\n서하나");
  });

  it("decodes the same mail's HTML part in ks_c_5601-1987 (CP949) when it is the only text", async () => {
    // The plain part turned into an attached file, so the HTML alternative is the mail's text.
    const raw = loadFixture("korean-euc-kr", { REPLY_TO, MESSAGE_ID })
      .toString("latin1")
      .replace('Content-Type: text/plain; charset="EUC-KR"', 'Content-Type: text/plain; charset="EUC-KR"\r\nContent-Disposition: attachment; filename="memo.txt"');
    const result = await parseInboundMail(Buffer.from(raw, "latin1"));
    expect(result.ok && result.mail.replyText).toBe("안녕하세요,\n\n카드 결제가 계속 실패합니다. 오류 코드는 E-302입니다.\n확인 부탁드립니다.\n\n감사합니다.\n서하나");
  });

  it("decodes Korean in ISO-2022-KR, which the mail parser does not know", async () => {
    const mail = await parsed("korean-iso-2022-kr");
    expect(mail.subject).toBe("[#1042] 배송 주소 변경");
    expect(mail.from).toEqual({ address: "alice@acme.test", name: "윤에린" });
    expect(mail.fullText).toBe("안녕하세요.\n배송 주소를 서울시 강남구 테헤란로 123으로 변경해 주세요.\n고맙습니다.\n");
    expect(mail.replyText).toBe("안녕하세요.\n배송 주소를 서울시 강남구 테헤란로 123으로 변경해 주세요.\n고맙습니다.");
  });

  it("decodes an ISO-2022-KR part inside a multipart, in base64, beside a UTF-8 part", async () => {
    const korean = loadFixture("korean-iso-2022-kr").toString("latin1");
    const body = korean.slice(korean.indexOf("\r\n\r\n") + 4);
    const raw = [
      "From: alice@acme.test",
      "To: support@portico.test",
      "Subject: =?iso-2022-kr?q?=1B$)C=0E9h<[=0F?=",
      "MIME-Version: 1.0",
      'Content-Type: multipart/mixed; boundary="b1"',
      "",
      "--b1",
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Première partie.",
      "--b1",
      'Content-Type: text/plain; charset="iso-2022-kr"; format=flowed',
      "Content-Transfer-Encoding: base64",
      "",
      Buffer.from(body, "latin1").toString("base64"),
      "--b1--",
      "",
    ].join("\r\n");
    const result = await parseInboundMail(Buffer.from(raw, "utf8"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mail.subject).toBe("배송");
    expect(result.mail.fullText).toContain("Première partie.");
    expect(result.mail.fullText).toContain("배송 주소를 서울시 강남구 테헤란로 123으로 변경해 주세요.");
  });

  it("decodes ISO-2022-KR HTML in quoted-printable, whose shifted bytes include < and >", async () => {
    const korean = loadFixture("korean-iso-2022-kr").toString("latin1");
    const text = korean.slice(korean.indexOf("\r\n\r\n") + 4).split("\r\n")[0] ?? "";
    expect(text).toMatch(/[<>]/);
    const html = `<p>${text}</p>`.replace(/[=\x00-\x1f]/g, (byte) => `=${byte.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
    const raw = ["From: alice@acme.test", "Subject: hi", "MIME-Version: 1.0", "Content-Type: text/html; charset=ISO-2022-KR", "Content-Transfer-Encoding: quoted-printable", "", html, ""].join("\r\n");
    const result = await parseInboundMail(Buffer.from(raw, "latin1"));
    expect(result.ok && result.mail.fullText).toBe("안녕하세요.");
  });

  it("decodes Italian in ISO-8859-1 quoted-printable, and ISO-8859-15 in a name", async () => {
    const mail = await parsed("italian-iso-8859-1");
    expect(mail.subject).toBe("R: [#1042] La stampante è bloccata");
    expect(mail.from?.name).toBe("Niccolò Ferrà");
    expect(mail.references).toEqual(["older-0001@acme.test", MESSAGE_ID]);
    expect(mail.replyText).toBe(
      "Buongiorno,\n\nla stampante è ancora bloccata: il cassetto non si apre e la spia è rossa.\nPuò passare un tecnico domani? Sarò in ufficio già alle 8:30, più o meno.\nGrazie, a presto.",
    );
  });

  it("decodes Italian in Windows-1252 (curly quotes, the euro sign) and cuts the Italian From/Sent block (Da:/Inviato:)", async () => {
    const mail = await parsed("italian-windows-1252");
    expect(mail.subject).toBe("RE: [#1042] Ordine 7781 – stato");
    expect(mail.replyText).toBe("Salve,\n\nl’ordine n. 7781 risulta ancora “in lavorazione”. Il costo è di 25 € più IVA, giusto?\n\nCordiali saluti\nNiccolò");
  });
});

describe("robots", () => {
  it.each([
    ["auto-reply-ooo", { kind: "auto_reply", reason: "auto_submitted:auto-replied" }],
    ["x-autoreply", { kind: "auto_reply", reason: "x_autoreply" }],
    ["precedence-bulk", { kind: "auto_reply", reason: "precedence:bulk" }],
    ["bounce-dsn", { kind: "bounce", reason: "delivery_report" }],
  ] as const)("recognises %s", async (name, automatic) => {
    expect((await parsed(name)).automatic).toEqual(automatic);
  });

  it("reads a delivery report: who bounced, why, and which of our mails came back", async () => {
    const mail = await parsed("bounce-dsn", { BOUNCED: "Former.Employee@acme.test" });
    expect(mail.bounce).toEqual({
      recipients: [{ address: "former.employee@acme.test", status: "5.1.1", action: "failed" }],
      originalMessageId: MESSAGE_ID,
    });
    expect(mail.from?.address).toBe("mailer-daemon@mx.acme.test");
    // The report's machine-readable parts are neither text nor files.
    expect(mail.attachments).toEqual([]);
    expect(mail.fullText).not.toContain("Reporting-MTA");
    expect(mail.fullText).toContain("Recipient address rejected");
  });

  it("takes an empty envelope sender for a robot, and a person's mail for a person's", async () => {
    const raw = loadFixture("reply-webmail");
    expect(await parseInboundMail(raw, { mailFrom: "" })).toMatchObject({ ok: true, mail: { automatic: { kind: "auto_reply", reason: "empty_return_path" } } });
    expect(await parseInboundMail(raw, { mailFrom: "alice@acme.test" })).toMatchObject({ ok: true, mail: { automatic: null } });
  });
});

describe("recipients", () => {
  it("adds the delivery headers and the envelope, lower-cased, once each, in order", async () => {
    const raw = loadFixture("reply-webmail", { REPLY_TO: "Support+1042.ABC@Portico.test" });
    const result = await parseInboundMail(raw, { recipients: ["SUPPORT+1042.abc@portico.test", "<Hidden.Copy@Portico.test>"] });
    expect(result.ok && result.mail.recipients).toEqual(["support+1042.abc@portico.test", "bob@acme.test", "hidden.copy@portico.test"]);
  });
});

describe("what is not mail", () => {
  it.each([
    ["nothing", Buffer.alloc(0)],
    ["blank lines", Buffer.from("\r\n\r\n  \r\n")],
    ["plain text", Buffer.from("Hello, this is just a note.\nNothing more.\n")],
    ["the garbage fixture", loadFixture("garbage")],
    ["random bytes", Buffer.from(Array.from({ length: 400 }, (_, index) => (index * 7919 + 13) % 256))],
    ["fields that are not mail's", Buffer.from("Color: blue\nSize: large\n\nA shirt.\n")],
    ["a JSON document", Buffer.from('{"from":"alice@acme.test","subject":"hi"}')],
  ])("refuses %s with a readable reason", async (_, raw) => {
    const result = await parseInboundMail(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/^The message .{5,}/);
  });

  it("reads a mail that has headers and no body", async () => {
    const result = await parseInboundMail(Buffer.from("From: Alice <ALICE@acme.test>\r\nSubject: [#7] hi\r\n"));
    expect(result).toMatchObject({ ok: true, mail: { from: { address: "alice@acme.test" }, subject: "[#7] hi", replyText: "", fullText: "" } });
  });
});
