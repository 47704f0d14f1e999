import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { clamdScanner } from "@/server/attachments/clamd";

// A private ClamAV daemon for one test file: its own config, port, socket and a signature database of
// its own that knows only the EICAR test file (the official databases need a download; tests run
// offline). Started before the file's tests, stopped after; `stop` and `start` let a test take it down.

const CLAMD = "/usr/sbin/clamd";

/** The standard 68-byte antivirus test file: harmless, detected by every scanner as a test. */
export const EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
/** The local database's one signature, for the whole file (its MD5 and size) and for the string inside a larger one. */
export const EICAR_SIGNATURE = "Eicar-Test-Signature";
/** What clamd reports for it: a signature outside the official databases gets ".UNOFFICIAL". */
export const EICAR_FOUND = `${EICAR_SIGNATURE}.UNOFFICIAL`;
/** clamd's StreamMaxLength here: a longer INSTREAM is refused with an error. */
export const CLAMD_STREAM_MAX_BYTES = 12 * 1024 * 1024;

export interface PrivateClamd {
  /** tcp://127.0.0.1:<port> */
  readonly tcpUrl: string;
  /** unix://<tmp>/clamd.sock */
  readonly socketUrl: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function preparePrivateClamd(): PrivateClamd {
  let folder: string | undefined;
  let port: number | undefined;
  let child: ChildProcess | undefined;
  let output = "";

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The private clamd is ready only inside tests and hooks.");
    return value;
  };
  const tcpUrl = () => `tcp://127.0.0.1:${ready(port)}`;
  const socketUrl = () => `unix://${join(ready(folder), "clamd.sock")}`;

  async function start(): Promise<void> {
    const dir = ready(folder);
    output = "";
    const daemon = spawn(CLAMD, ["-c", join(dir, "clamd.conf")], { stdio: ["ignore", "pipe", "pipe"] });
    child = daemon;
    daemon.stdout?.on("data", (data: Buffer) => (output += data.toString()));
    daemon.stderr?.on("data", (data: Buffer) => (output += data.toString()));
    const probe = clamdScanner(tcpUrl(), { timeoutMs: 1_000 });
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (daemon.exitCode !== null || daemon.signalCode !== null) throw new Error(`clamd exited while starting:\n${output}`);
      try {
        await probe.ping();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`clamd did not answer PING within 60 s (${String(error)}):\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  async function stop(): Promise<void> {
    const daemon = child;
    child = undefined;
    if (!daemon || daemon.exitCode !== null || daemon.signalCode !== null) return;
    const exited = new Promise((resolve) => daemon.once("exit", resolve));
    daemon.kill("SIGTERM");
    const killed = setTimeout(() => daemon.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killed);
  }

  beforeAll(async () => {
    // Nothing is skipped: without clamd the scanning tests cannot say anything, so they fail.
    if (!existsSync(CLAMD)) throw new Error(`${CLAMD} is missing: install Debian's clamav-daemon (apt-get install --no-install-recommends clamav-daemon; .ci/run does it).`);
    folder = await mkdtemp(join(tmpdir(), "portico-clamd-"));
    port = await freePort();
    const database = join(folder, "db");
    await mkdir(database);
    const md5 = createHash("md5").update(EICAR).digest("hex");
    await writeFile(join(database, "eicar.hdb"), `${md5}:${EICAR.length}:${EICAR_SIGNATURE}\n`);
    await writeFile(join(database, "eicar.ndb"), `${EICAR_SIGNATURE}:0:*:${Buffer.from(EICAR).toString("hex")}\n`);
    await writeFile(
      join(folder, "clamd.conf"),
      [
        "Foreground yes",
        `TCPSocket ${port}`,
        "TCPAddr 127.0.0.1",
        `LocalSocket ${join(folder, "clamd.sock")}`,
        `DatabaseDirectory ${database}`,
        `TemporaryDirectory ${folder}`,
        `PidFile ${join(folder, "clamd.pid")}`,
        `StreamMaxLength ${CLAMD_STREAM_MAX_BYTES}`,
        "",
      ].join("\n"),
    );
    await start();
  });
  afterAll(async () => {
    await stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  return {
    get tcpUrl() {
      return tcpUrl();
    },
    get socketUrl() {
      return socketUrl();
    },
    start,
    stop,
  };
}

/** A TCP port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("No port was assigned.");
  return address.port;
}
