import { mkdtemp, rm } from "node:fs/promises";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/inbound/email/route";
import { getDatabase } from "@/server/db";
import { mailboxKey, startImapReader, type ImapReader } from "@/server/mail/inbound/imap-reader";
import { startSmtpReceiver, type SmtpEnvelope, type SmtpReceiver } from "@/server/mail/inbound/smtp-receiver";
import { startDovecot, type PrivateDovecot } from "../setup/dovecot";
import { readSinkDirectory, refuseAtSink, setSinkDown, startSmtpSink, type SmtpSink } from "../setup/smtp-sink";
import { prepareSeededDatabase } from "../setup/seeded-database";

// The three inbound transports against real servers and clients (docs/email.md "Receiving mail"):
// Portico's SMTP receiver spoken to over TCP, the IMAP reader on a private Dovecot, and the webhook
// route called as Next.js calls it.

const seeded = prepareSeededDatabase();
const quiet = { info: () => {}, error: () => {} };

/** A message as mail servers send it: CRLF line ends, 8-bit text, a line that starts with a dot. */
function message(id: string, body = "Hello,\r\n.a line that starts with a dot\r\nGrüße\r\n"): Buffer {
  return Buffer.from(
    [`From: Sam Customer <sam@customer.test>`, `To: support@portico.test`, `Subject: Transport ${id}`, `Message-ID: <${id}@customer.test>`, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body].join("\r\n"),
  );
}

async function eventually<T>(look: () => T | Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await look();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A bare SMTP client on a socket: every command and its reply, as a sending server would see them. */
class SmtpTalk {
  private buffer = "";
  private waiting: (() => void) | undefined;
  private constructor(private readonly socket: Socket) {
    socket.on("data", (data: Buffer) => {
      this.buffer += data.toString("latin1");
      this.waiting?.();
    });
  }

  static async open(port: number): Promise<SmtpTalk> {
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    const talk = new SmtpTalk(socket);
    await talk.reply();
    return talk;
  }

  /** The next complete reply, all its lines ("250-…" continue, "250 …" ends). */
  async reply(): Promise<string> {
    for (;;) {
      const lines = this.buffer.split("\r\n");
      const last = lines.findIndex((line) => /^\d{3} /.test(line));
      if (last >= 0) {
        const reply = lines.slice(0, last + 1).join("\n");
        this.buffer = lines.slice(last + 1).join("\r\n");
        return reply;
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  async command(line: string): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  /** DATA, then the message dot-stuffed and terminated; the reply to its end. */
  async data(raw: Buffer): Promise<string> {
    const go = await this.command("DATA");
    if (!go.startsWith("354")) return go;
    const stuffed = raw.toString("latin1").replace(/(^|\r\n)\./g, "$1..");
    this.socket.write(Buffer.from(`${stuffed}${stuffed.endsWith("\r\n") ? "" : "\r\n"}.\r\n`, "latin1"));
    return this.reply();
  }

  close(): void {
    this.socket.end("QUIT\r\n");
  }
}

describe("the SMTP receiver", () => {
  const MAX_BYTES = 10_000;
  const received: Array<{ raw: Buffer; envelope: SmtpEnvelope }> = [];
  let failing = false;
  let receiver: SmtpReceiver;

  beforeAll(async () => {
    receiver = await startSmtpReceiver({
      host: "127.0.0.1",
      port: 0,
      domain: "portico.test",
      maxBytes: MAX_BYTES,
      log: quiet,
      onMessage: async (raw, envelope) => {
        if (failing) throw new Error("the database is away");
        received.push({ raw, envelope });
      },
    });
  });
  afterAll(async () => {
    await receiver.close();
  });
  afterEach(() => {
    received.length = 0;
    failing = false;
  });

  it("offers SIZE, and neither AUTH nor STARTTLS", async () => {
    const talk = await SmtpTalk.open(receiver.port);
    const features = await talk.command("EHLO sender.test");
    talk.close();
    expect(features).toContain(`SIZE ${MAX_BYTES}`);
    expect(features).not.toMatch(/AUTH|STARTTLS/);
  });

  it("hands on a message for the support domain byte for byte, with its envelope", async () => {
    const raw = message("smtp-accepted");
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: receiver.port, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({ envelope: { from: "sam@customer.test", to: ["support+r1.abc@portico.test"] }, raw });
    transport.close();
    expect(info.response).toMatch(/^250 /);
    expect(received).toHaveLength(1);
    expect(received[0]?.raw.equals(raw)).toBe(true);
    expect(received[0]?.envelope).toEqual({ mailFrom: "sam@customer.test", recipients: ["support+r1.abc@portico.test"] });
  });

  it("relays nothing: a recipient at another domain is refused", async () => {
    const talk = await SmtpTalk.open(receiver.port);
    await talk.command("EHLO sender.test");
    expect(await talk.command("MAIL FROM:<spammer@elsewhere.test>")).toMatch(/^250/);
    expect(await talk.command("RCPT TO:<victim@elsewhere.test>")).toBe("550 5.7.1 Relaying denied");
    expect(await talk.command("RCPT TO:<support@portico.test.elsewhere.test>")).toBe("550 5.7.1 Relaying denied");
    expect(await talk.command("RCPT TO:<Support@PORTICO.test>")).toMatch(/^250/);
    talk.close();
  });

  it("refuses a message over the limit while it streams, hands on nothing, and keeps the connection usable", async () => {
    const talk = await SmtpTalk.open(receiver.port);
    await talk.command("EHLO sender.test");
    await talk.command("MAIL FROM:<sam@customer.test>");
    await talk.command("RCPT TO:<support@portico.test>");
    expect(await talk.data(message("smtp-too-big", `${"x".repeat(998)}\r\n`.repeat(20)))).toBe("552 5.3.4 Message too big");
    expect(received).toEqual([]);
    // The next message on the same connection goes through.
    await talk.command("MAIL FROM:<sam@customer.test>");
    await talk.command("RCPT TO:<support@portico.test>");
    expect(await talk.data(message("smtp-after-too-big"))).toMatch(/^250/);
    talk.close();
    expect(received).toHaveLength(1);
  });

  it("refuses a message declared too large before it is sent", async () => {
    const talk = await SmtpTalk.open(receiver.port);
    await talk.command("EHLO sender.test");
    expect(await talk.command(`MAIL FROM:<sam@customer.test> SIZE=${MAX_BYTES + 1}`)).toMatch(/^552 /);
    talk.close();
  });

  it("answers a failure to hand on with a temporary error, so that the sender tries again", async () => {
    failing = true;
    const talk = await SmtpTalk.open(receiver.port);
    await talk.command("EHLO sender.test");
    await talk.command("MAIL FROM:<sam@customer.test>");
    await talk.command("RCPT TO:<support@portico.test>");
    expect(await talk.data(message("smtp-failing"))).toMatch(/^451 4\.3\.0 /);
    talk.close();
  });

  it("accepts a bounce, whose sender is empty", async () => {
    const talk = await SmtpTalk.open(receiver.port);
    await talk.command("EHLO mailer-daemon.test");
    expect(await talk.command("MAIL FROM:<>")).toMatch(/^250/);
    expect(await talk.command("RCPT TO:<support+r7.xyz@portico.test>")).toMatch(/^250/);
    expect(await talk.data(message("smtp-bounce"))).toMatch(/^250/);
    talk.close();
    expect(received.map(({ envelope }) => envelope)).toEqual([{ mailFrom: null, recipients: ["support+r7.xyz@portico.test"] }]);
  });
});

describe("the IMAP reader", () => {
  let dovecot: PrivateDovecot;
  let client: ImapFlow;
  beforeAll(async () => {
    dovecot = await startDovecot();
    client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await client.connect();
  });
  afterAll(async () => {
    await client?.logout();
    await dovecot?.stop();
  });

  const delivered: Array<{ holder: string; raw: Buffer }> = [];
  const reader = (holder: string, options: { leaseMs: number; reconnectMs?: number }): ImapReader =>
    startImapReader({ url: dovecot.url, db: seeded.db, holder, log: quiet, ...options, onMessage: async (raw) => void delivered.push({ holder, raw }) });

  async function flagsOf(): Promise<Map<string, Set<string>>> {
    const flags = new Map<string, Set<string>>();
    const lock = await client.getMailboxLock("INBOX");
    try {
      for await (const fetched of client.fetch("1:*", { envelope: true, flags: true })) flags.set(fetched.envelope?.messageId ?? "", fetched.flags ?? new Set());
    } finally {
      lock.release();
    }
    return flags;
  }
  const isSeen = async (id: string) => (await flagsOf()).get(`<${id}@customer.test>`)?.has("\\Seen") ?? false;
  const leases = () => seeded.db.mailboxLease.findMany();

  it("keys the lease by the mailbox without its password", () => {
    expect(mailboxKey("imap://support:s3cret@mail.test:143/INBOX")).toBe("imap://support@mail.test:143/INBOX");
  });

  it("hands each unseen message to one reader of two, once, and marks it seen after; stopping passes the mailbox on", async () => {
    const first = message("imap-1");
    const second = message("imap-2");
    await client.append("INBOX", first);
    await client.append("INBOX", second);
    // A message read before is not read again.
    await client.append("INBOX", message("imap-read-before"), ["\\Seen"]);

    const readers = new Map([
      ["reader-a", reader("reader-a", { leaseMs: 1_500 })],
      ["reader-b", reader("reader-b", { leaseMs: 1_500 })],
    ]);
    await eventually(async () => (await isSeen("imap-1")) && (await isSeen("imap-2")), "both messages to be marked seen");
    expect(delivered.map(({ raw }) => raw)).toEqual([first, second]);
    const [lease] = await leases();
    const holder = delivered[0]?.holder ?? "";
    expect(delivered.every((delivery) => delivery.holder === holder)).toBe(true);
    expect(lease).toMatchObject({ mailbox: mailboxKey(dovecot.url), holder });

    // The holder stops and gives up its lease; the other takes over and reads what comes next.
    const other = holder === "reader-a" ? "reader-b" : "reader-a";
    await readers.get(holder)?.stop();
    const third = message("imap-3");
    await client.append("INBOX", third);
    await eventually(() => isSeen("imap-3"), "the third message to be marked seen");
    expect(delivered.slice(2)).toEqual([{ holder: other, raw: third }]);
    expect(await leases()).toMatchObject([{ holder: other }]);

    await readers.get(other)?.stop();
    expect(await leases()).toEqual([]);
    expect(delivered).toHaveLength(3);
  });

  it("leaves a message unseen when handing it on fails, and reads it again on the next connection", async () => {
    const attempts: string[] = [];
    let seenWhileHandingOn: boolean | undefined;
    const raw = message("imap-retried");
    await client.append("INBOX", raw);
    const retrying = startImapReader({
      url: dovecot.url,
      db: seeded.db,
      holder: "reader-retry",
      log: quiet,
      leaseMs: 60_000,
      reconnectMs: 300,
      onMessage: async (received) => {
        attempts.push(received.toString("latin1"));
        if (attempts.length === 1) {
          seenWhileHandingOn = await isSeen("imap-retried");
          throw new Error("the database is away");
        }
      },
    });
    await eventually(() => isSeen("imap-retried"), "the message to be read again and marked seen");
    await retrying.stop();
    expect(seenWhileHandingOn).toBe(false);
    expect(attempts).toEqual([raw.toString("latin1"), raw.toString("latin1")]);
  });

  it("picks up a message that arrives while it waits in IDLE", async () => {
    delivered.length = 0;
    // Neither the lease nor a reconnect brings it back to the mailbox within the test: only IDLE can.
    const idler = reader("reader-idle", { leaseMs: 30 * 60_000, reconnectMs: 30 * 60_000 });
    const early = message("imap-early");
    await client.append("INBOX", early);
    await eventually(() => isSeen("imap-early"), "the first message to be read");
    const late = message("imap-late");
    await client.append("INBOX", late);
    await eventually(() => isSeen("imap-late"), "the message appended while idling to be read");
    await idler.stop();
    expect(delivered.map(({ raw }) => raw)).toEqual([early, late]);
    expect(await leases()).toEqual([]);
  });
});

describe("POST /api/inbound/email", () => {
  const SECRET = "a-webhook-secret-of-some-length";
  const url = "http://portico.invalid/api/inbound/email";
  const saved = { ...process.env };
  beforeAll(() => {
    // The route reads its configuration and database as in a server process.
    process.env.DATABASE_URL = seeded.database.url;
    process.env.NEXTAUTH_SECRET ??= "a-test-secret-that-is-at-least-32-characters";
    process.env.INBOUND_MAX_MB = "1";
    process.env.MAIL_FROM = "Portico Support <support@portico.test>";
  });
  afterAll(async () => {
    await getDatabase().$disconnect();
    process.env = saved;
  });
  afterEach(() => {
    delete process.env.INBOUND_EMAIL_SECRET;
  });

  const post = (body: Buffer | Uint8Array | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
    POST(new Request(url, { method: "POST", body: body instanceof ReadableStream ? body : new Uint8Array(body), headers: { "content-type": "message/rfc822", ...headers }, duplex: "half" } as RequestInit), undefined);
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

  it("does not exist while no secret is configured", async () => {
    const answer = await post(message("webhook-off"), bearer(SECRET));
    expect(answer.status).toBe(404);
  });

  it("refuses a missing or wrong secret with a problem document", async () => {
    process.env.INBOUND_EMAIL_SECRET = SECRET;
    const wrong: Array<Record<string, string>> = [{}, bearer("not-the-secret"), bearer(`${SECRET}x`), { "x-inbound-secret": "not-the-secret" }, { authorization: SECRET }];
    for (const headers of wrong) {
      const answer = await post(message("webhook-wrong"), headers);
      expect(answer.status).toBe(401);
      expect(answer.headers.get("content-type")).toBe("application/problem+json");
      expect(await answer.json()).toMatchObject({ status: 401, code: "unauthenticated" });
    }
  });

  it("refuses a body over the limit, and stops reading it", async () => {
    process.env.INBOUND_EMAIL_SECRET = SECRET;
    const limit = 1024 * 1024;
    const declared = await post(new Uint8Array(limit + 1), bearer(SECRET));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ status: 413, code: "too_large" });

    // Streamed without a length, by the other header: 10 MB on offer, read only a little past the limit.
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x61);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 10 * limit) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = await post(endless, { "x-inbound-secret": SECRET });
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(2 * limit);
  });

  it("receives a raw message with the right secret, once per Message-ID", async () => {
    process.env.INBOUND_EMAIL_SECRET = SECRET;
    const raw = message("webhook-received");
    const answer = await post(raw, bearer(SECRET));
    expect(answer.status).toBe(202);
    const body = (await answer.json()) as { id: string; status: string; duplicate: boolean };
    expect(body).toEqual({ id: expect.any(String), status: expect.any(String), duplicate: false });
    const stored = await seeded.db.inboundMail.findUniqueOrThrow({ where: { id: body.id } });
    expect(stored).toMatchObject({ transport: "webhook", messageId: "webhook-received@customer.test", byteSize: raw.length });
    expect(Buffer.from(stored.raw).equals(raw)).toBe(true);

    const again = await post(raw, { "x-inbound-secret": SECRET });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ id: body.id, status: body.status, duplicate: true });
  });
});

describe("the SMTP sink the outbound tests send to", () => {
  let directory: string;
  let sink: SmtpSink;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), "portico-sink-"));
    sink = await startSmtpSink({ directory });
  });
  afterAll(async () => {
    await sink?.close();
    await rm(directory, { recursive: true, force: true });
  });

  const send = async (to: string, raw: Buffer) => {
    const transport = nodemailer.createTransport({ host: sink.host, port: sink.port, secure: false, ignoreTLS: true });
    try {
      return await transport.sendMail({ envelope: { from: "support@portico.test", to: [to] }, raw });
    } finally {
      transport.close();
    }
  };

  it("keeps what it receives in memory and as files, byte for byte", async () => {
    const raw = message("sink-kept");
    const waiting = sink.waitForMessage((kept) => kept.recipients.includes("sam@customer.test"));
    await send("sam@customer.test", raw);
    const kept = await waiting;
    expect(kept.raw.equals(raw)).toBe(true);
    expect(kept.mailFrom).toBe("support@portico.test");
    const [file] = await readSinkDirectory(directory);
    expect(file?.raw.equals(raw)).toBe(true);
    expect(file?.recipients).toEqual(["sam@customer.test"]);
  });

  it("fails for now while down, and for good for a refused recipient, also when told through its folder", async () => {
    sink.goDown();
    await expect(send("sam@customer.test", message("sink-down"))).rejects.toMatchObject({ responseCode: 421 });
    sink.comeUp();
    await setSinkDown(directory, true);
    await expect(send("sam@customer.test", message("sink-down-2"))).rejects.toMatchObject({ responseCode: 421 });
    await setSinkDown(directory, false);

    sink.refuseRecipient("gone@customer.test");
    await refuseAtSink(directory, "left@customer.test");
    await expect(send("gone@customer.test", message("sink-gone"))).rejects.toMatchObject({ responseCode: 550 });
    await expect(send("left@customer.test", message("sink-left"))).rejects.toMatchObject({ responseCode: 550 });
    await send("sam@customer.test", message("sink-up"));

    await sink.reset();
    expect(sink.messages).toEqual([]);
    expect(await readSinkDirectory(directory)).toEqual([]);
  });
});
