import { randomUUID } from "node:crypto";
import { ImapFlow } from "imapflow";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMailConfig } from "@/config/env";
import type { Database } from "@/server/db/client";
import { startImapReader, type ImapReader } from "@/server/mail/inbound/imap-reader";
import { receiveInboundMail } from "@/server/mail/inbound/receive";
import { startDovecot, type PrivateDovecot } from "../setup/dovecot";
import { prepareSecondClient, prepareSeededDatabase } from "../setup/seeded-database";

// docs/email.md "Receiving mail": two app instances on one database read one mailbox (a real IMAP
// server) and feed the one receiving use case; each mail makes one request, whichever instance read
// it, however often it sits in the mailbox, and when the webhook brings it too.

const seeded = prepareSeededDatabase();
const second = prepareSecondClient(seeded);
const config = readMailConfig();
const quiet = { info: () => {}, error: () => {} };

function newRequestMail(from: string, subject: string, messageId = `${randomUUID()}@acme.test`): Buffer {
  return Buffer.from(
    [`From: ${from}`, "To: Support <support@portico.test>", `Subject: ${subject}`, `Message-ID: <${messageId}>`, "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", "The nightly export stops.", ""].join("\r\n"),
  );
}

async function eventually(look: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await look())) {
    if (Date.now() > deadline) throw new Error(`Waited ${timeoutMs} ms for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("two instances reading one mailbox", () => {
  let dovecot: PrivateDovecot;
  let client: ImapFlow;
  const readers: ImapReader[] = [];
  beforeAll(async () => {
    dovecot = await startDovecot();
    client = new ImapFlow({ host: dovecot.host, port: dovecot.port, secure: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await client.connect();
  });
  afterAll(async () => {
    for (const reader of readers) await reader.stop();
    await client?.logout();
    await dovecot?.stop();
  });

  const instance = (db: Database, holder: string) =>
    startImapReader({
      url: dovecot.url,
      db,
      holder,
      log: quiet,
      leaseMs: 1_000,
      onMessage: async (raw) => {
        await receiveInboundMail(db, raw, { transport: "imap" }, { now: new Date(), config });
      },
    });

  it("make one request per message, also for a message delivered twice and one the webhook brought too", async () => {
    const marker = randomUUID().slice(0, 8);
    const subjects = [0, 1, 2, 3].map((index) => `IMAP ${marker} ${index}`);
    const twice = newRequestMail("Dave <dave@acme.test>", subjects[3]!);
    // The webhook already brought this one.
    const viaWebhook = newRequestMail("Alice <alice@acme.test>", subjects[2]!);
    await receiveInboundMail(seeded.db, viaWebhook, { transport: "webhook" }, { now: new Date(), config });

    await client.append("INBOX", newRequestMail("Alice <alice@acme.test>", subjects[0]!));
    await client.append("INBOX", newRequestMail("Dave <dave@acme.test>", subjects[1]!));
    await client.append("INBOX", viaWebhook);
    await client.append("INBOX", twice);
    await client.append("INBOX", twice);

    readers.push(instance(seeded.db, `a-${marker}`), instance(second.db, `b-${marker}`));
    const requests = () => seeded.db.request.findMany({ where: { subject: { startsWith: `IMAP ${marker}` } }, select: { subject: true, channel: true } });
    await eventually(async () => (await requests()).length >= 4, "four requests");
    // Give a second reader time to (wrongly) read again before counting.
    await eventually(async () => {
      const status = await client.status("INBOX", { unseen: true });
      return status !== false && status.unseen === 0;
    }, "every message seen");
    const made = await requests();
    expect(made.map((request) => request.subject).sort()).toEqual(subjects);
    expect(made.every((request) => request.channel === "email")).toBe(true);
    expect(await seeded.db.inboundMail.count({ where: { subject: { startsWith: `IMAP ${marker}` } } })).toBe(4);
  });
});
