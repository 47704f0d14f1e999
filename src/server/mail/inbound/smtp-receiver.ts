import "server-only";
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";

// Portico's own SMTP receiver (docs/email.md "Receiving mail"): the support domain's MX, or a
// forwarding target. It accepts mail for the support domain only and relays nothing. A message is
// answered 250 only once it has been handed on; a failure there is answered 451 so that the sending
// server keeps it and tries again.

export interface SmtpEnvelope {
  /** The MAIL FROM address; null for a bounce (`MAIL FROM:<>`). */
  mailFrom: string | null;
  recipients: string[];
}

export interface SmtpReceiverOptions {
  host: string;
  /** 0 lets the system pick a free port; the one listened on is returned. */
  port: number;
  /** The support domain: the only one mail is accepted for. */
  domain: string;
  /** The largest message accepted (advertised as SIZE; a larger one is refused while it streams). */
  maxBytes: number;
  onMessage: (raw: Buffer, envelope: SmtpEnvelope) => Promise<void>;
  log?: Pick<Console, "info" | "error">;
}

export interface SmtpReceiver {
  readonly port: number;
  close(): Promise<void>;
}

/** Connections at once: enough for a few sending servers, few enough that a flood cannot exhaust the process. */
const MAX_CLIENTS = 50;
/** Recipients per message: a reply goes to one address, a copy to a handful. */
const MAX_RECIPIENTS = 50;
/** An idle connection is dropped after this long. */
const SOCKET_TIMEOUT_MS = 60_000;
/** On close, connections still open are cut after this long. */
const CLOSE_TIMEOUT_MS = 10_000;

/** An error smtp-server answers with its own code; the text carries the enhanced status code (RFC 3463). */
function smtpError(responseCode: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode });
}

function domainOf(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1).toLowerCase();
}

export async function startSmtpReceiver(options: SmtpReceiverOptions): Promise<SmtpReceiver> {
  const { domain, maxBytes, onMessage, log = console } = options;
  const supportDomain = domain.toLowerCase();

  const server = new SMTPServer({
    banner: "Portico",
    // No credentials to check and no certificate to offer: this server only takes mail for its own domain.
    disabledCommands: ["AUTH", "STARTTLS"],
    authOptional: true,
    size: maxBytes,
    maxClients: MAX_CLIENTS,
    socketTimeout: SOCKET_TIMEOUT_MS,
    closeTimeout: CLOSE_TIMEOUT_MS,
    logger: false,

    // Any sender, the empty one of a bounce included: replies, auto-replies and bounces all matter.
    onMailFrom(_address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      callback();
    },

    onRcptTo(address: SMTPServerAddress, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      if (!address.address.includes("@") || domainOf(address.address) !== supportDomain) return callback(smtpError(550, "5.7.1 Relaying denied"));
      if (session.envelope.rcptTo.length >= MAX_RECIPIENTS) return callback(smtpError(452, "4.5.3 Too many recipients"));
      callback();
    },

    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null, message?: string) => void) {
      // Kept only while within the limit; past it the rest is read and dropped, and the answer is 552.
      const chunks: Buffer[] = [];
      let kept = 0;
      let tooBig = false;
      stream.on("data", (chunk: Buffer) => {
        if (tooBig) return;
        if (stream.sizeExceeded || kept + chunk.length > maxBytes) {
          tooBig = true;
          chunks.length = 0;
          return;
        }
        chunks.push(chunk);
        kept += chunk.length;
      });
      stream.on("end", () => {
        if (tooBig || stream.sizeExceeded) return callback(smtpError(552, "5.3.4 Message too big"));
        const raw = Buffer.concat(chunks, kept);
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
        const envelope: SmtpEnvelope = { mailFrom, recipients: session.envelope.rcptTo.map(({ address }) => address) };
        onMessage(raw, envelope).then(
          () => {
            log.info(`Inbound SMTP: accepted ${raw.length} bytes from <${mailFrom ?? ""}> for ${envelope.recipients.map((address) => `<${address}>`).join(", ")}.`);
            callback(null, "2.0.0 Accepted");
          },
          (error: unknown) => {
            log.error(`Inbound SMTP: a message from <${mailFrom ?? ""}> could not be received; the sender will retry.`, error);
            callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
          },
        );
      });
    },
  });
  server.on("error", (error) => log.error("Inbound SMTP: connection error.", error));

  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.server.once("error", failed);
    server.listen(options.port, options.host, () => {
      server.server.off("error", failed);
      resolve();
    });
  });
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("The SMTP receiver is not listening on a TCP port.");

  return {
    port: address.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
