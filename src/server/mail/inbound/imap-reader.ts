import "server-only";
import { ImapFlow } from "imapflow";
import type { Database } from "@/server/db/client";

// Reads a mailbox over IMAP (docs/email.md "Receiving mail"): every unseen message is handed on, and
// only once that has succeeded is it marked \Seen, so a crash in between reads it again (receiving is
// idempotent by Message-ID). Then the reader waits in IDLE for new mail.
//
// Several app instances may be configured with the same mailbox; only the one holding the mailbox's
// lease (a MailboxLease row, renewed while reading) reads it, the others wait to take over.

export interface ImapReaderOptions {
  /** imap://user:password@host:port/Mailbox (imaps:// for TLS); the mailbox defaults to INBOX. */
  url: string;
  db: Database;
  /** Who this reader is in the lease table: unique per process. */
  holder: string;
  onMessage: (raw: Buffer) => Promise<void>;
  now?: () => Date;
  /** Reconnect this often even when all is well, so a connection that silently died is noticed (default 5 minutes). */
  reconnectMs?: number;
  /** How long a lease lasts unrenewed (default 60 s); it is renewed every third of that, and others try to take it as often. */
  leaseMs?: number;
  /** A message larger than this is not handed on: it is marked \Seen and \Flagged for a person to look at. */
  maxBytes?: number;
  log?: Pick<Console, "info" | "error">;
}

export interface ImapReader {
  stop(): Promise<void>;
}

const DEFAULT_RECONNECT_MS = 5 * 60_000;
const DEFAULT_LEASE_MS = 60_000;
/** Retries after an error wait 1 s, 2 s, 4 s … up to this. */
const MAX_BACKOFF_MS = 60_000;

class LeaseLost extends Error {
  override name = "LeaseLost";
}

/** What the lease is keyed by: the URL without its password. */
export function mailboxKey(url: string): string {
  const parsed = new URL(url);
  parsed.password = "";
  return parsed.toString();
}

function mailboxPath(url: URL): string {
  const path = decodeURIComponent(url.pathname.replace(/^\/+/, ""));
  return path === "" ? "INBOX" : path;
}

/** A wake-up call that is not lost when it comes before anyone waits for it. */
class Signal {
  private pending = false;
  private waiter: (() => void) | undefined;

  notify(): void {
    if (this.waiter) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter();
    } else {
      this.pending = true;
    }
  }

  /** Resolves on a notification or after `ms`, whichever comes first. */
  wait(ms: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve();
      }, Math.max(0, ms));
      this.waiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

export function startImapReader(options: ImapReaderOptions): ImapReader {
  const { db, holder, onMessage, log = console } = options;
  const now = options.now ?? (() => new Date());
  const reconnectMs = options.reconnectMs ?? DEFAULT_RECONNECT_MS;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const renewMs = Math.max(1, Math.floor(leaseMs / 3));
  const url = new URL(options.url);
  const mailbox = mailboxKey(options.url);
  const path = mailboxPath(url);

  let stopping = false;
  const wake = new Signal();

  /** Takes the lease, or renews it when ours; false while another holder's lease runs. One statement, so two instances cannot both win. */
  async function takeLease(): Promise<boolean> {
    const at = now();
    const expiresAt = new Date(at.getTime() + leaseMs);
    const written = await db.$executeRaw`
      INSERT INTO "MailboxLease" ("mailbox", "holder", "expiresAt") VALUES (${mailbox}, ${holder}, ${expiresAt})
      ON CONFLICT ("mailbox") DO UPDATE SET "holder" = EXCLUDED."holder", "expiresAt" = EXCLUDED."expiresAt"
      WHERE "MailboxLease"."expiresAt" < ${at} OR "MailboxLease"."holder" = ${holder}`;
    return written === 1;
  }

  async function releaseLease(): Promise<void> {
    await db.mailboxLease.deleteMany({ where: { mailbox, holder } });
  }

  /** One connection: reads until it is time to reconnect, the lease is lost, or the reader stops. Errors end it by throwing. */
  async function readWhileHolding(): Promise<void> {
    const connection = new ImapFlow({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === "imaps:" ? 993 : 143,
      secure: url.protocol === "imaps:",
      auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
      // IDLE is started here, between passes, not by the client on its own in the middle of one.
      disableAutoIdle: true,
      logger: false,
    });
    let failure: unknown;
    connection.on("error", (error: unknown) => {
      failure = error;
      wake.notify();
    });
    connection.on("close", () => {
      failure ??= new Error("The IMAP connection closed.");
      wake.notify();
    });
    connection.on("exists", () => wake.notify());

    const reconnectAt = Date.now() + reconnectMs;
    let renewAt = Date.now() + renewMs;
    const keepLease = async () => {
      if (Date.now() < renewAt) return;
      if (!(await takeLease())) throw new LeaseLost();
      renewAt = Date.now() + renewMs;
    };
    // A message whose hand-over failed is tried again on the next connection, not in a tight loop on this one.
    const failed = new Set<number>();

    try {
      await connection.connect();
      await connection.mailboxOpen(path);
      while (!stopping) {
        const unseen = (await connection.search({ seen: false }, { uid: true })) || [];
        for (const uid of unseen) {
          if (stopping) break;
          if (failed.has(uid)) continue;
          await keepLease();
          await readOne(connection, uid, failed);
        }
        if (failure) throw failure;
        if (stopping || Date.now() >= reconnectAt) break;
        await keepLease();
        // Breaks when the next command runs; new mail arrives as an EXISTS while idling.
        connection.idle().catch(() => {});
        await wake.wait(Math.min(renewAt, reconnectAt) - Date.now());
        if (failure) throw failure;
      }
    } finally {
      if (connection.usable) await connection.logout().catch(() => connection.close());
      else connection.close();
    }
  }

  async function readOne(connection: ImapFlow, uid: number, failed: Set<number>): Promise<void> {
    const message = await connection.fetchOne(String(uid), { uid: true, size: true }, { uid: true });
    if (!message) return; // expunged meanwhile
    if (options.maxBytes !== undefined && (message.size ?? 0) > options.maxBytes) {
      log.error(`IMAP: message ${uid} in ${path} has ${message.size} bytes, over the limit of ${options.maxBytes}; it is left flagged in the mailbox.`);
      await connection.messageFlagsAdd(String(uid), ["\\Seen", "\\Flagged"], { uid: true });
      return;
    }
    const full = await connection.fetchOne(String(uid), { uid: true, source: true }, { uid: true });
    if (!full || !full.source) return;
    try {
      await onMessage(full.source);
    } catch (error) {
      failed.add(uid);
      log.error(`IMAP: message ${uid} in ${path} could not be received; it stays unseen and is read again on the next connection.`, error);
      return;
    }
    await connection.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
  }

  const loop = (async () => {
    let failures = 0;
    let holding = false;
    while (!stopping) {
      try {
        if (!(await takeLease())) {
          if (holding) log.info(`IMAP: another instance now reads ${mailbox}.`);
          holding = false;
          await wake.wait(renewMs);
          continue;
        }
        if (!holding) log.info(`IMAP: reading ${mailbox}.`);
        holding = true;
        await readWhileHolding();
        failures = 0;
      } catch (error) {
        if (error instanceof LeaseLost) {
          holding = false;
          continue;
        }
        if (stopping) break;
        const delay = Math.min(MAX_BACKOFF_MS, 1_000 * 2 ** failures);
        failures += 1;
        log.error(`IMAP: reading ${mailbox} failed; trying again in ${Math.round(delay / 1000)} s.`, error);
        await wake.wait(delay);
      }
    }
    try {
      await releaseLease();
    } catch (error) {
      log.error(`IMAP: the lease on ${mailbox} could not be released; it expires on its own.`, error);
    }
  })();

  return {
    async stop() {
      stopping = true;
      wake.notify();
      await loop;
    },
  };
}
