import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { readEnvironment, readMailConfig } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { startImapReader, type ImapReader } from "./imap-reader";
import { receiveInboundMail, type InboundEnvelope } from "./receive";
import { startSmtpReceiver, type SmtpReceiver } from "./smtp-receiver";

// The server process's inbound transports (docs/email.md "Receiving mail"): the SMTP receiver when
// INBOUND_SMTP_PORT is set, the IMAP reader when IMAP_URL is set; the webhook is a route. Kept on
// globalThis so a development reload does not start them twice.

interface InboundTransports {
  smtp?: Promise<SmtpReceiver | undefined>;
  imap?: ImapReader;
}

const holder = globalThis as typeof globalThis & { porticoInboundMail?: InboundTransports };

/** Hands one raw message to the receiving use case, with the configuration and clock of the moment. */
async function receive(raw: Buffer, envelope: InboundEnvelope): Promise<void> {
  await receiveInboundMail(getDatabase(), raw, envelope, { now: getClock().now(), config: readMailConfig() });
}

export function startInboundMail(): void {
  if (holder.porticoInboundMail) return;
  // A build has no database to write to, and must not take the port.
  if (readEnvironment().NEXT_PHASE === "phase-production-build") return;
  const config = readMailConfig();
  const transports: InboundTransports = {};
  holder.porticoInboundMail = transports;

  if (config.inboundSmtp) {
    const { host, port } = config.inboundSmtp;
    transports.smtp = startSmtpReceiver({
      host,
      port,
      domain: config.from.domain,
      maxBytes: config.inboundMaxBytes,
      onMessage: (raw, { mailFrom, recipients }) => receive(raw, { transport: "smtp", mailFrom, recipients }),
    }).then(
      (receiver) => {
        console.info(`Inbound mail: receiving SMTP for ${config.from.domain} on ${host}:${receiver.port}.`);
        return receiver;
      },
      (error: unknown) => {
        console.error(`Inbound mail: the SMTP receiver could not listen on ${host}:${port}.`, error);
        return undefined;
      },
    );
  }

  if (config.imapUrl) {
    transports.imap = startImapReader({
      url: config.imapUrl,
      db: getDatabase(),
      // Unique per process: the lease tells instances apart by it.
      holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
      maxBytes: config.inboundMaxBytes,
      now: () => getClock().now(),
      onMessage: (raw) => receive(raw, { transport: "imap" }),
    });
  }
}
