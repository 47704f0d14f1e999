import { connect, type NetConnectOpts, type Socket } from "node:net";
import type { Readable } from "node:stream";
import type { Scanner, ScanVerdict } from "./scanner";

// The Scanner for a ClamAV daemon (clamd), spoken to directly over TCP or a Unix socket: INSTREAM
// sends the bytes as they are read from the store, in length-prefixed chunks, so a file is never held
// in memory whole. Anything but a clear verdict — an error reply, a timeout, a refused connection —
// throws: the caller keeps the file waiting (fail closed).

export interface ClamdOptions {
  /** How long the connection may stay silent (no bytes sent or received) before the scan is given up. */
  timeoutMs: number;
  /** The largest chunk sent at once. */
  chunkBytes?: number;
}

export interface ClamdScanner extends Scanner {
  /** Resolves when clamd answers PING with PONG; throws otherwise. */
  ping(): Promise<void>;
}

/** clamd's answer was not a verdict: its own ERROR reply (e.g. "INSTREAM size limit exceeded") or something unexpected. */
export class ClamdError extends Error {
  override name = "ClamdError";
}

const DEFAULT_CHUNK_BYTES = 64 * 1024;

/** `tcp://host:port` or `unix:///path/to/socket`, as CLAMD_URL is given. */
export function clamdTarget(url: string): NetConnectOpts {
  const parsed = new URL(url);
  if (parsed.protocol === "unix:") {
    const path = decodeURIComponent(parsed.pathname);
    if (!path) throw new Error(`No socket path in ${url}`);
    return { path };
  }
  if (parsed.protocol === "tcp:") {
    const port = Number(parsed.port);
    if (!parsed.hostname || !Number.isInteger(port) || port <= 0) throw new Error(`No host and port in ${url}`);
    // An IPv6 literal comes in brackets in a URL, not in a socket address.
    return { host: parsed.hostname.replace(/^\[(.*)\]$/, "$1"), port };
  }
  throw new Error(`Not a clamd address (tcp:// or unix://): ${url}`);
}

export function clamdScanner(url: string, { timeoutMs, chunkBytes = DEFAULT_CHUNK_BYTES }: ClamdOptions): ClamdScanner {
  const target = clamdTarget(url);
  return {
    async scan(body: Readable): Promise<ScanVerdict> {
      const reply = await converse(target, timeoutMs, async (socket) => {
        // The "z" form: the command and the reply end with a NUL.
        await send(socket, Buffer.from("zINSTREAM\0"));
        for await (const chunk of body as AsyncIterable<Buffer>) {
          for (let start = 0; start < chunk.length; start += chunkBytes) {
            const piece = chunk.subarray(start, start + chunkBytes);
            const length = Buffer.alloc(4);
            length.writeUInt32BE(piece.length);
            await send(socket, length);
            await send(socket, piece);
          }
        }
        // A zero-length chunk ends the stream.
        await send(socket, Buffer.alloc(4));
      });
      return verdictOf(reply);
    },
    async ping() {
      const reply = await converse(target, timeoutMs, (socket) => send(socket, Buffer.from("zPING\0")));
      if (reply !== "PONG") throw new ClamdError(`clamd answered PING with ${JSON.stringify(reply)}`);
    },
  };
}

/** "stream: OK" or "stream: <signature> FOUND"; anything else is not a verdict. */
export function verdictOf(reply: string): ScanVerdict {
  if (reply === "stream: OK") return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  if (found?.[1]) return { clean: false, signature: found[1] };
  throw new ClamdError(reply ? `clamd: ${reply}` : "clamd closed the connection without a verdict");
}

/** The socket was closed (by clamd, often with a reply on its way) while we were still sending. */
class SocketClosed extends Error {}

/** Writes, waiting while the socket's buffer is full, so a fast store never outruns the network. */
async function send(socket: Socket, data: Buffer): Promise<void> {
  if (socket.destroyed || socket.writableEnded) throw new SocketClosed();
  if (socket.write(data)) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      socket.off("drain", done);
      socket.off("close", done);
      resolve();
    };
    socket.on("drain", done);
    socket.on("close", done);
  });
}

/**
 * One command on a fresh connection: `write` sends it while the reply is read. clamd may answer and
 * close before everything is sent (a stream over its StreamMaxLength): its reply wins over our write
 * failing. The reply is the text up to its NUL.
 */
function converse(target: NetConnectOpts, timeoutMs: number, write: (socket: Socket) => Promise<void>): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const socket = connect(target);
    socket.setTimeout(timeoutMs);
    const received: Buffer[] = [];
    let settled = false;
    let failure: Error | undefined;

    const replyText = () => {
      const text = Buffer.concat(received).toString("utf8");
      const end = text.indexOf("\0");
      return (end === -1 ? text : text.slice(0, end)).trim();
    };
    const settle = () => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (received.length > 0) resolve(replyText());
      else reject(failure ?? new ClamdError("clamd closed the connection without a reply"));
    };

    socket.on("data", (data: Buffer) => {
      received.push(data);
      if (data.includes(0)) settle();
    });
    socket.on("end", settle);
    socket.on("close", settle);
    socket.on("error", (error) => {
      failure ??= new ClamdError(`clamd could not be reached or dropped the connection: ${error.message}`, { cause: error });
    });
    socket.on("timeout", () => {
      failure = new ClamdError(`clamd was silent for ${timeoutMs} ms`);
      received.length = 0;
      settle();
    });

    write(socket).catch((error: unknown) => {
      if (error instanceof SocketClosed) return; // the reply (or the connection's error) settles it
      // The body could not be read (the store failed): give up the scan with that reason.
      failure = error instanceof Error ? error : new Error(String(error));
      received.length = 0;
      settle();
    });
  });
}
