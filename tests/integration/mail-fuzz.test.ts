import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MailAddress } from "@/config/env";
import { decideThread, subjectRequestId, type SenderStanding, type ThreadDecision, type ThreadMarkers } from "@/domain";
import { parseInboundMail, type InboundEnvelopeHint } from "@/server/mail/inbound/parse";
import { readReplyAddress, replyAddress } from "@/server/mail/signing";
import { loadFixture, MAIL_FIXTURES } from "../fixtures/mail";

// Anyone can send Portico mail, so the reader and the threading rules get everyone's worst: the
// fixture corpus cut, shuffled, re-labelled and sprinkled with bytes, made-up messages, and plain
// noise, each sent to valid and tampered reply addresses from known and unknown senders. Whatever
// comes in, reading never throws, and a mail is only ever appended to a request its sender may
// reply to, never through a tampered token.

const CURRENT_KEY = { id: "k", secret: "fuzz-current-key" };
const RETIRED_KEY = { id: "r", secret: "fuzz-retired-key" };
const KEYS = [CURRENT_KEY, RETIRED_KEY];
const SUPPORT: MailAddress = { name: "Portico Support", local: "support", domain: "portico.test" };

/** The world: requests and the people who may reply to each (requester, CCs, organization access). */
const PARTIES: Record<number, readonly string[]> = {
  1042: ["alice@acme.test", "bob@acme.test"],
  1043: ["carol@acme.test"],
  1044: ["alice@acme.test", "dave@acme.test"],
  2001: ["niccolo@example.it"],
};
const AGENTS = ["agent@portico.test", "hana@portico.test"];
const KNOWN = new Set([...Object.values(PARTIES).flat(), ...AGENTS, "erin@acme.test"]);
/** Message-IDs Portico sent or received, by request. */
const MESSAGE_IDS = new Map<string, number>([
  ["notification-1042.1@portico.test", 1042],
  ["notification-1043.1@portico.test", 1043],
  ["CAF=received-1044@mail.acme.test", 1044],
  ["notification-2001.3@portico.test", 2001],
]);
const REQUEST_IDS = [1042, 1043, 1044, 2001, 9999];

function standingOf(address: string | undefined): SenderStanding {
  const sender = address ?? "";
  const isAgent = AGENTS.includes(sender);
  return { known: KNOWN.has(sender), isAgent, mayReply: (requestId) => isAgent || (PARTIES[requestId] ?? []).includes(sender) };
}

// ---- addresses -------------------------------------------------------------------------------

const validReplyAddress = fc
  .tuple(fc.constantFrom(...REQUEST_IDS), fc.constantFrom([CURRENT_KEY], [RETIRED_KEY]), fc.boolean())
  .map(([requestId, keys, shout]) => {
    const address = replyAddress(keys, SUPPORT, requestId);
    // Mail servers may change a local part's case; the token survives it.
    return shout ? address.toUpperCase() : address;
  });

const tamperedReplyAddress = fc
  .tuple(fc.constantFrom(...REQUEST_IDS), fc.nat({ max: 1000 }), fc.constantFrom("flip", "other_request", "short", "unknown_key", "no_signature", "junk"))
  .map(([requestId, salt, how]) => {
    const valid = replyAddress([CURRENT_KEY], SUPPORT, requestId);
    const [local = "", domain = ""] = valid.split("@");
    const token = local.slice(SUPPORT.local.length + 1);
    const signature = token.slice(token.indexOf(".") + 1);
    const at = 1 + (salt % (signature.length - 1));
    switch (how) {
      case "flip":
        return `support+${requestId}.${signature.slice(0, at)}${signature[at] === "a" ? "b" : "a"}${signature.slice(at + 1)}@${domain}`;
      case "other_request":
        return `support+${requestId + 1 + (salt % 5)}.${signature}@${domain}`;
      case "short":
        return `support+${requestId}.${signature.slice(0, -1)}@${domain}`;
      case "unknown_key":
        return `support+${requestId}.z${signature.slice(1)}@${domain}`;
      case "no_signature":
        return `support+${requestId}@${domain}`;
      default:
        return `support+${salt.toString(36)}.x-y@${domain}`;
    }
  });

const otherAddress = fc.constantFrom("support@portico.test", "bob@acme.test", "helpdesk@acme.test", "support@portico.example", "support+1042.k@elsewhere.test");

const recipientAddress = fc.oneof(validReplyAddress, tamperedReplyAddress, otherAddress);

const senderAddress = fc.oneof(
  fc.constantFrom(...KNOWN),
  fc.constantFrom("stranger@example.net", "ALICE@ACME.TEST", "MAILER-DAEMON@mx.example.net", "not-an-address", ""),
  fc.emailAddress(),
);

const messageId = fc.oneof(fc.constantFrom(...MESSAGE_IDS.keys()), fc.constantFrom("unknown-1@example.net", "notification-1042.1@PORTICO.TEST"));

const charset = fc.constantFrom(
  "utf-8",
  "us-ascii",
  "euc-kr",
  "ks_c_5601-1987",
  "cp949",
  "iso-2022-kr",
  "iso-8859-1",
  "iso-8859-15",
  "windows-1252",
  "utf-7",
  "shift_jis",
  "x-unknown",
  "",
);

// ---- mutations of the corpus -----------------------------------------------------------------

type Mutation =
  | { kind: "cut"; at: number }
  | { kind: "duplicate_header"; index: number }
  | { kind: "swap_headers"; first: number; second: number }
  | { kind: "drop_header"; index: number }
  | { kind: "insert_bytes"; at: number; bytes: Uint8Array }
  | { kind: "overwrite_bytes"; at: number; bytes: Uint8Array }
  | { kind: "charset"; charset: string }
  | { kind: "add_header"; line: string };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const bytes = fc.uint8Array({ minLength: 1, maxLength: 24 });

const extraHeader = fc.oneof(
  recipientAddress.map((address) => `Cc: ${address}`),
  recipientAddress.map((address) => `To: "Someone" <${address}>, ${address}`),
  recipientAddress.map((address) => `Delivered-To: ${address}`),
  fc.constantFrom(...REQUEST_IDS, 0, 2 ** 31, 123456789012).map((id) => `Subject: Re: [#${id}] help`),
  messageId.map((id) => `In-Reply-To: <${id}>`),
  fc.array(messageId, { maxLength: 4 }).map((ids) => `References: ${ids.map((id) => `<${id}>`).join(" ")}`),
  senderAddress.map((address) => `From: ${address}`),
  fc.constantFrom(
    "Auto-Submitted: auto-replied",
    "X-Autoreply: yes",
    "Precedence: bulk",
    "Return-Path: <>",
    "Content-Type: multipart/report; report-type=delivery-status; boundary=x",
    "Content-Type: multipart/mixed",
    "Content-Type: text/html; charset=iso-2022-kr",
    "Content-Transfer-Encoding: base64",
    "Subject: =?iso-2022-kr?B?GyQpQw4+SDNnR088PD9kDw==?=",
    "Subject: =?utf-8?B?broken",
    "Date: not a date",
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  position.map((at) => ({ kind: "cut" as const, at })),
  fc.nat({ max: 40 }).map((index) => ({ kind: "duplicate_header" as const, index })),
  fc.tuple(fc.nat({ max: 40 }), fc.nat({ max: 40 })).map(([first, second]) => ({ kind: "swap_headers" as const, first, second })),
  fc.nat({ max: 40 }).map((index) => ({ kind: "drop_header" as const, index })),
  fc.tuple(position, bytes).map(([at, inserted]) => ({ kind: "insert_bytes" as const, at, bytes: inserted })),
  fc.tuple(position, bytes).map(([at, written]) => ({ kind: "overwrite_bytes" as const, at, bytes: written })),
  charset.map((name) => ({ kind: "charset" as const, charset: name })),
  extraHeader.map((line) => ({ kind: "add_header" as const, line })),
);

function mutate(raw: Buffer, mutations: readonly Mutation[]): Buffer {
  let text = raw.toString("latin1");
  for (const change of mutations) {
    const split = text.search(/\r?\n\r?\n/);
    const headerEnd = split < 0 ? text.length : split;
    const headers = text.slice(0, headerEnd).split(/\r\n/);
    const rest = text.slice(headerEnd);
    const pick = (index: number) => index % Math.max(1, headers.length);
    switch (change.kind) {
      case "cut":
        text = text.slice(0, Math.floor(change.at * text.length));
        break;
      case "duplicate_header":
        headers.splice(pick(change.index), 0, headers[pick(change.index)] ?? "");
        text = headers.join("\r\n") + rest;
        break;
      case "swap_headers": {
        const [first, second] = [pick(change.first), pick(change.second)];
        [headers[first], headers[second]] = [headers[second] ?? "", headers[first] ?? ""];
        text = headers.join("\r\n") + rest;
        break;
      }
      case "drop_header":
        headers.splice(pick(change.index), 1);
        text = headers.join("\r\n") + rest;
        break;
      case "insert_bytes":
      case "overwrite_bytes": {
        const at = Math.floor(change.at * text.length);
        const inserted = Buffer.from(change.bytes).toString("latin1");
        text = text.slice(0, at) + inserted + text.slice(change.kind === "insert_bytes" ? at : at + inserted.length);
        break;
      }
      case "charset":
        text = text.replace(/charset="?[^";\s]*"?/gi, `charset="${change.charset}"`);
        break;
      case "add_header":
        text = `${change.line}\r\n${text}`;
        break;
    }
  }
  return Buffer.from(text, "latin1");
}

const envelope: fc.Arbitrary<InboundEnvelopeHint> = fc.record(
  { mailFrom: fc.constantFrom(null, "", "alice@acme.test", "<>"), recipients: fc.array(recipientAddress, { maxLength: 2 }) },
  { requiredKeys: [] },
);

const mutatedCorpusMail = fc
  .record({
    fixture: fc.constantFrom(...MAIL_FIXTURES.filter((name) => name !== "garbage")),
    from: senderAddress,
    replyTo: recipientAddress,
    inReplyTo: messageId,
    mutations: fc.array(mutation, { maxLength: 5 }),
    envelope,
  })
  .map(({ fixture, from, replyTo, inReplyTo, mutations, envelope: hint }) => ({
    raw: mutate(loadFixture(fixture, { FROM: from, REPLY_TO: replyTo, MESSAGE_ID: inReplyTo }), mutations),
    envelope: hint,
  }));

// ---- made-up messages ------------------------------------------------------------------------

const bodyText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom(
    "Thanks!\n\nOn Mon, 30 Nov 2026 at 09:12, Portico Support <support@portico.test> wrote:\n> ##- Please type your reply above this line -##\n> old",
    "##- Scrivi la tua risposta sopra questa riga -##",
    "> only a quote\n> and more",
    "-- \nsignature only",
    "\u001b$)C\u000e>H3gGO<<?d\u000f",
    "<html><script>alert(1)</script><style>p{}</style><blockquote>quoted</blockquote></html>",
  ),
);

const madeUpMail = fc
  .record({
    from: senderAddress,
    name: fc.string({ unit: "grapheme", maxLength: 20 }),
    to: fc.array(recipientAddress, { minLength: 1, maxLength: 3 }),
    cc: fc.array(recipientAddress, { maxLength: 2 }),
    subject: fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), fc.constantFrom(...REQUEST_IDS).map((id) => `Re: [#${id}] Printer`)),
    references: fc.array(messageId, { maxLength: 3 }),
    type: fc.constantFrom("text/plain", "text/html", "multipart/alternative", "multipart/report", "message/rfc822", "application/octet-stream"),
    charset,
    encoding: fc.constantFrom("7bit", "8bit", "base64", "quoted-printable", "x-garbage", ""),
    body: bodyText,
    headersOnly: fc.boolean(),
  })
  .map((mail) => {
    const encodedBody =
      mail.encoding === "base64"
        ? Buffer.from(mail.body, "utf8").toString("base64")
        : mail.encoding === "quoted-printable"
          ? mail.body.replace(/=/g, "=3D")
          : mail.body;
    const subject = `=?utf-8?B?${Buffer.from(mail.subject, "utf8").toString("base64")}?=`;
    const lines = [
      `From: =?${mail.charset || "utf-8"}?Q?${encodeURIComponent(mail.name).replace(/%/g, "=")}?= <${mail.from}>`,
      `To: ${mail.to.join(", ")}`,
      ...(mail.cc.length > 0 ? [`Cc: ${mail.cc.join(", ")}`] : []),
      `Subject: ${subject}`,
      ...(mail.references.length > 0 ? [`In-Reply-To: <${mail.references[0]}>`, `References: ${mail.references.map((id) => `<${id}>`).join(" ")}`] : []),
      "MIME-Version: 1.0",
      `Content-Type: ${mail.type}; charset="${mail.charset}"; boundary="b"; report-type=delivery-status`,
      `Content-Transfer-Encoding: ${mail.encoding}`,
    ];
    const raw = mail.headersOnly ? `${lines.join("\r\n")}\r\n` : `${lines.join("\r\n")}\r\n\r\n${mail.type.startsWith("multipart/") ? `--b\r\n\r\n${encodedBody}\r\n--b--` : encodedBody}`;
    return { raw: Buffer.from(raw, "utf8"), envelope: {} };
  });

const HEADER_NAMES = ["From", "To", "Cc", "Subject", "Message-ID", "In-Reply-To", "References", "Content-Type", "Content-Transfer-Encoding", "Return-Path", "Delivered-To", "X", ""];

/** Bytes, text, and header-shaped noise: lines of "Name: <anything>" over a body of anything. */
const noise = fc
  .oneof(
    fc.uint8Array({ maxLength: 600 }),
    fc.string({ unit: "binary", maxLength: 300 }).map((text) => new TextEncoder().encode(text)),
    fc
      .tuple(fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), fc.string({ unit: "binary", maxLength: 60 })), { maxLength: 8 }), fc.uint8Array({ maxLength: 200 }))
      .map(([fields, body]) => Buffer.concat([Buffer.from(fields.map(([name, value]) => `${name}: ${value}\r\n`).join("") + "\r\n", "utf8"), Buffer.from(body)])),
  )
  .map((data) => ({ raw: Buffer.from(data), envelope: {} as InboundEnvelopeHint }));

// ---- the properties --------------------------------------------------------------------------

interface Checked {
  decision: ThreadDecision | null;
}

async function readAndThread(raw: Buffer, hint: InboundEnvelopeHint): Promise<Checked> {
  const result = await parseInboundMail(raw, hint);
  if (!result.ok) {
    expect(result.reason.length).toBeGreaterThan(0);
    return { decision: null };
  }
  const mail = result.mail;
  expect(new Set(mail.recipients).size).toBe(mail.recipients.length);
  for (const address of mail.recipients) expect(address).toBe(address.toLowerCase());
  if (mail.from) expect(mail.from.address).toBe(mail.from.address.toLowerCase());
  if (mail.fullText.trim()) expect(mail.replyText.trim()).not.toBe("");

  const tokens = mail.recipients.map((address) => readReplyAddress(KEYS, SUPPORT, address)).filter((token) => token !== null);
  const markers: ThreadMarkers = {
    tokens,
    referencedRequestIds: [...new Set([...mail.inReplyTo, ...mail.references].flatMap((id) => MESSAGE_IDS.get(id) ?? []))],
    subjectRequestId: subjectRequestId(mail.subject),
  };
  const sender = standingOf(mail.from?.address);
  const decision = decideThread(markers, sender);
  if (decision.action === "append") {
    expect(sender.mayReply(decision.requestId)).toBe(true);
    expect(sender.isAgent).toBe(false);
    expect(tokens.every((token) => token.valid)).toBe(true);
    if (decision.via === "token") expect(tokens[0]).toEqual({ valid: true, requestId: decision.requestId });
  }
  if (tokens.some((token) => !token.valid)) expect(decision).toMatchObject({ action: "hold", reason: "tampered_token" });
  return { decision };
}

// 3,000 mutated fixtures + 2,000 made-up messages + 5,000 runs of noise = 10,000 messages. Mutated
// fixtures cost the most to read (whole replies through the reply cutting), noise the least.
const LONG = 120_000;
describe("10,000 generated messages through the mail reader and the threading rules", () => {
  it("3,000 mutated corpus mails: never throw, append only where the sender may reply, never by a tampered token", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedCorpusMail, async ({ raw, envelope: hint }) => {
        await readAndThread(raw, hint);
      }),
      { numRuns: 3_000 },
    );
  }, LONG);

  it("2,000 made-up messages: the same", async () => {
    await fc.assert(
      fc.asyncProperty(madeUpMail, async ({ raw, envelope: hint }) => {
        await readAndThread(raw, hint);
      }),
      { numRuns: 2_000 },
    );
  }, LONG);

  it("5,000 runs of noise are refused or read, never thrown", async () => {
    await fc.assert(
      fc.asyncProperty(noise, async ({ raw, envelope: hint }) => {
        await readAndThread(raw, hint);
      }),
      { numRuns: 5_000 },
    );
  }, LONG);

  it("the generators reach every outcome (a fuzz that only holds proves little)", async () => {
    const seen = new Set<string>();
    for (const [index, { raw, envelope: hint }] of fc.sample(mutatedCorpusMail, { numRuns: 400, seed: 42 }).entries()) {
      const { decision } = await readAndThread(raw, hint);
      seen.add(decision ? (decision.action === "hold" ? `hold:${decision.reason}` : decision.action) : "unparseable");
      void index;
    }
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(["append", "new_request", "hold:tampered_token", "hold:sender_may_not_reply", "hold:unknown_sender", "hold:agent_sender"]),
    );
  });
});
