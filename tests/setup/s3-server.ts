import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { S3Settings } from "../../src/server/attachments/s3";

// A real S3-compatible server (s3rver) for tests and benchmarks: on 127.0.0.1, a free port, a fresh
// temporary folder and one bucket, in a child process (see s3-server-process.mjs for why).

export interface S3TestServer {
  settings: S3Settings;
  /** The server's process, for measuring it apart from the caller. */
  pid: number;
  stop(): Promise<void>;
}

const PROCESS_SCRIPT = fileURLToPath(new URL("./s3-server-process.mjs", import.meta.url));

export async function startS3Server(bucket = "portico-test"): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), "portico-s3rver-"));
  const child = spawn(process.execPath, ["--openssl-legacy-provider", PROCESS_SCRIPT, directory, bucket], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`s3rver exited (${code}) before listening`)));
    createInterface({ input: child.stdout! }).once("line", (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return {
    // s3rver's built-in account.
    settings: { endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", bucket, accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    pid: child.pid!,
    async stop() {
      child.kill("SIGTERM");
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
