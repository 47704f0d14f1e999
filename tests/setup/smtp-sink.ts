import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from "smtp-server";

// A real SMTP server on loopback that keeps every message it receives, for the tests of outbound
// mail: in memory, and, given a folder, as .eml files with their envelope beside them, so that a
// browser test in another process can read them. It can be told to fail: "down" answers every new
// connection 421 (temporary: the sender retries), and a refused recipient is answered 550 (permanent).
// With a folder, both are also controlled by files in it, so another process can switch them.

export interface SinkMessage {
  raw: Buffer;
  /** MAIL FROM; null for the empty sender of a bounce. */
  mailFrom: string | null;
  recipients: string[];
  receivedAt: Date;
}

export interface SmtpSink {
  readonly host: string;
  readonly port: number;
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  readonly url: string;
  readonly messages: readonly SinkMessage[];
  /** The first message (received before or after the call) that matches; rejects after `timeoutMs`. */
  waitForMessage(predicate?: (message: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  /** Every new connection is answered 421 until `comeUp`: a server that is down for now. */
  goDown(): void;
  comeUp(): void;
  /** Answers RCPT TO for this address 550 from now on: a mailbox that does not exist. */
  refuseRecipient(address: string): void;
  /** Forgets the messages and the failures. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  /** Default 0: a free port. */
  port?: number;
  host?: string;
  /** Also keep each message as <n>.eml (+ <n>.json with the envelope) here, and read the control files here. */
  directory?: string;
}

/** Control files in the sink's folder: its presence takes the server down; one refused address per line. */
export const SINK_DOWN_FILE = "down";
export const SINK_REFUSED_FILE = "refused-recipients";

function smtpError(responseCode: number, text: string): Error {
  return Object.assign(new Error(text), { responseCode });
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? "127.0.0.1";
  const directory = options.directory;
  if (directory) await mkdir(directory, { recursive: true });
  const messages: SinkMessage[] = [];
  const waiters = new Set<(message: SinkMessage) => void>();
  let down = false;
  const refused = new Set<string>();
  let counter = 0;

  const isDown = () => down || (directory !== undefined && existsSync(join(directory, SINK_DOWN_FILE)));
  async function isRefused(address: string): Promise<boolean> {
    const normalized = address.toLowerCase();
    if (refused.has(normalized)) return true;
    if (!directory) return false;
    const file = join(directory, SINK_REFUSED_FILE);
    if (!existsSync(file)) return false;
    return (await readFile(file, "utf8")).split("\n").some((line) => line.trim().toLowerCase() === normalized);
  }

  async function keep(message: SinkMessage): Promise<void> {
    if (directory) {
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const name = `${Date.now()}-${String(++counter).padStart(6, "0")}`;
      const envelope = { mailFrom: message.mailFrom, recipients: message.recipients, receivedAt: message.receivedAt.toISOString() };
      await writeFile(join(directory, `${name}.json.part`), JSON.stringify(envelope));
      await rename(join(directory, `${name}.json.part`), join(directory, `${name}.json`));
      await writeFile(join(directory, `${name}.eml.part`), message.raw);
      await rename(join(directory, `${name}.eml.part`), join(directory, `${name}.eml`));
    }
    messages.push(message);
    for (const waiter of [...waiters]) waiter(message);
  }

  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    // Credentials in SMTP_URL are taken as they come; the sink checks none.
    authOptional: true,
    allowInsecureAuth: true,
    logger: false,
    closeTimeout: 1_000,
    onConnect(_session: SMTPServerSession, callback: (error?: Error | null) => void) {
      callback(isDown() ? smtpError(421, "4.3.2 Service not available, try again later") : null);
    },
    onAuth(_auth, _session, callback) {
      callback(null, { user: "sink" });
    },
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      isRefused(address.address).then(
        (no) => callback(no ? smtpError(550, "5.1.1 No such mailbox") : null),
        (error: Error) => callback(error),
      );
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address || null : null;
        const message = { raw: Buffer.concat(chunks), mailFrom, recipients: session.envelope.rcptTo.map(({ address }) => address), receivedAt: new Date() };
        keep(message).then(() => callback(), (error: Error) => callback(error));
      });
    },
  });
  server.on("error", () => {});

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const address = server.server.address();
  if (!address || typeof address === "string") throw new Error("The SMTP sink is not listening on a TCP port.");
  const port = address.port;

  return {
    host,
    port,
    url: `smtp://${host}:${port}`,
    messages,
    waitForMessage(predicate = () => true, timeoutMs = 10_000) {
      const found = messages.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = (message: SinkMessage) => {
          if (!predicate(message)) return;
          waiters.delete(waiter);
          clearTimeout(timer);
          resolve(message);
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`No matching message reached the SMTP sink within ${timeoutMs} ms (${messages.length} received).`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    goDown: () => void (down = true),
    comeUp: () => void (down = false),
    refuseRecipient: (recipient: string) => void refused.add(recipient.toLowerCase()),
    async reset() {
      messages.length = 0;
      down = false;
      refused.clear();
      if (directory) await clearSinkDirectory(directory);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The messages a sink (in this process or another) has written to its folder, oldest first. */
export async function readSinkDirectory(directory: string): Promise<SinkMessage[]> {
  if (!existsSync(directory)) return [];
  const names = (await readdir(directory)).filter((name) => name.endsWith(".eml")).sort();
  const found: SinkMessage[] = [];
  for (const name of names) {
    const base = name.slice(0, -".eml".length);
    const envelope = JSON.parse(await readFile(join(directory, `${base}.json`), "utf8")) as { mailFrom: string | null; recipients: string[]; receivedAt: string };
    found.push({ raw: await readFile(join(directory, name)), mailFrom: envelope.mailFrom, recipients: envelope.recipients, receivedAt: new Date(envelope.receivedAt) });
  }
  return found;
}

/** Polls a sink's folder for the first message that matches; rejects after `timeoutMs`. */
export async function waitForSinkFile(directory: string, predicate: (message: SinkMessage) => boolean = () => true, timeoutMs = 10_000): Promise<SinkMessage> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await readSinkDirectory(directory)).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No matching message appeared in ${directory} within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Takes a sink down (every connection answered 421) or brings it back, through its folder. */
export async function setSinkDown(directory: string, isDown: boolean): Promise<void> {
  if (isDown) await writeFile(join(directory, SINK_DOWN_FILE), "");
  else await rm(join(directory, SINK_DOWN_FILE), { force: true });
}

/** Makes a sink refuse a recipient with 550, through its folder. */
export async function refuseAtSink(directory: string, address: string): Promise<void> {
  const file = join(directory, SINK_REFUSED_FILE);
  const current = existsSync(file) ? await readFile(file, "utf8") : "";
  await writeFile(file, `${current}${address}\n`);
}

/** Removes the kept messages and the control files. */
export async function clearSinkDirectory(directory: string): Promise<void> {
  if (!existsSync(directory)) return;
  for (const name of await readdir(directory)) await rm(join(directory, name), { force: true });
}
