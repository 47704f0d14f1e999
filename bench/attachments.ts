// Attachments' throughput and the server's memory while streaming them: for each store (filesystem,
// and S3 on a local s3rver) and each size, a file of random bytes generated on the fly is staged
// through `stageUpload` (received to a temporary file while hashed, then put in the store, then
// recorded), and read back whole through the store's `get`. During each, `process.memoryUsage()` is
// sampled every 50 ms: memory must not grow with the file's size.
//
//   npx tsx --expose-gc bench/attachments.ts [--sizes 20,200] [--drivers filesystem,s3] [--out <file>]
//
// Writes bench/results/attachments.md and prints it. Needs a PostgreSQL server: it creates (and
// drops again) its own database `portico_bench_attachments` beside BENCH_DATABASE_URL's. The s3rver
// runs in a child process, so its memory is not counted as the app's.

import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { createDatabase } from "@/server/db/client";
import { filesystemStore } from "@/server/attachments/filesystem";
import { stageUpload } from "@/server/attachments/pipeline";
import { s3Store } from "@/server/attachments/s3";
import type { AttachmentStore } from "@/server/attachments/store";
import { runScript } from "../scripts/lib/run-script";
import { applyMigrations, PROJECT_ROOT } from "../scripts/lib/schema-engine";
import { startS3Server } from "../tests/setup/s3-server";
import { benchDatabaseUrl, ensureBenchDatabase, withClient } from "./lib/bench-database";

const MB = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
const SAMPLE_MS = 50;
/** A client slower than the store: what is read ahead of it would pile up in memory. */
const SLOW_READER_MB_PER_SECOND = 40;

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

interface Phase {
  seconds: number;
  before: Memory;
  peak: Memory;
}

interface Row {
  driver: string;
  sizeMb: number;
  upload: Phase;
  download: Phase;
  slowDownload: Phase;
}

/** A stream of `bytes` random bytes, made a chunk at a time as it is read: never held whole. */
function generated(bytes: number): Readable {
  let left = bytes;
  return new Readable({
    read() {
      if (left === 0) return void this.push(null);
      const size = Math.min(CHUNK_BYTES, left);
      left -= size;
      this.push(randomBytes(size));
    },
  });
}

/** A sink that counts what it is given and keeps nothing, as a client reading a download would; at most `mbPerSecond` when given. */
function discard(mbPerSecond?: number): Writable & { bytes: number } {
  const sink = new Writable({
    highWaterMark: CHUNK_BYTES,
    write(chunk: Buffer, _encoding, callback) {
      sink.bytes += chunk.length;
      if (mbPerSecond) setTimeout(callback, (chunk.length / (mbPerSecond * MB)) * 1000);
      else callback();
    },
  }) as Writable & { bytes: number };
  sink.bytes = 0;
  return sink;
}

function memoryNow(): Memory {
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers };
}

/** Runs `work` with memory sampled every 50 ms; the peak of each figure, and the figures just before. */
async function measured(work: () => Promise<void>): Promise<Phase> {
  (globalThis as { gc?: () => void }).gc?.();
  const before = memoryNow();
  const peak = { ...before };
  const sample = () => {
    const now = memoryNow();
    for (const name of Object.keys(peak) as (keyof Memory)[]) peak[name] = Math.max(peak[name], now[name]);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const started = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  sample();
  return { seconds: (performance.now() - started) / 1000, before, peak };
}

runScript(async () => {
  const { values } = parseArgs({ options: { sizes: { type: "string", default: "20,200" }, drivers: { type: "string", default: "filesystem,s3" }, out: { type: "string" } } });
  const sizes = values.sizes.split(",").map(Number);
  const drivers = values.drivers.split(",");

  const url = new URL(benchDatabaseUrl());
  url.pathname = "/portico_bench_attachments";
  await ensureBenchDatabase(url.toString(), true);
  await applyMigrations(url.toString());
  const db = createDatabase({ url: url.toString(), poolMax: 2 });
  const scratch = await mkdtemp(join(os.tmpdir(), "portico-bench-attachments-"));
  const s3 = drivers.includes("s3") ? await startS3Server("portico-bench") : null;
  const rows: Row[] = [];
  let generatorMbPerSecond = 0;
  try {
    const uploader = await db.user.create({ data: { email: "bench-uploader@portico.test", name: "Bench uploader" }, select: { id: true } });

    // The generator's own speed, so that its cost can be told apart from the pipeline's.
    const generatorPhase = await measured(() => pipeline(generated(200 * MB), discard()));
    generatorMbPerSecond = 200 / generatorPhase.seconds;
    process.stderr.write(`generator: ${generatorMbPerSecond.toFixed(0)} MB/s\n`);

    for (const driver of drivers) {
      const store: AttachmentStore = driver === "s3" && s3 ? s3Store(s3.settings) : filesystemStore(join(scratch, "store"));
      for (const sizeMb of sizes) {
        const bytes = sizeMb * MB;
        let key = "";
        const upload = await measured(async () => {
          const staged = await stageUpload(db, store, {
            body: generated(bytes),
            fileName: `bench-${sizeMb}mb.bin`,
            declaredType: null,
            uploaderId: uploader.id,
            now: new Date(),
            maxBytes: bytes,
            scanned: false,
          });
          key = (await db.attachment.findUniqueOrThrow({ where: { id: staged.id }, select: { storageKey: true } })).storageKey;
        });
        const readBack = (mbPerSecond?: number) => async () => {
          const stored = await store.get(key);
          if (!stored) throw new Error(`${driver}: ${key} not stored`);
          const sink = discard(mbPerSecond);
          await pipeline(stored.body, sink);
          if (sink.bytes !== bytes) throw new Error(`${driver}: read ${sink.bytes} of ${bytes} bytes`);
        };
        const download = await measured(readBack());
        const slowDownload = await measured(readBack(SLOW_READER_MB_PER_SECOND));
        rows.push({ driver, sizeMb, upload, download, slowDownload });
        process.stderr.write(`${driver} ${sizeMb} MB: upload ${(sizeMb / upload.seconds).toFixed(0)} MB/s, download ${(sizeMb / download.seconds).toFixed(0)} MB/s\n`);
        await store.delete(key);
      }
    }
  } finally {
    await db.$disconnect();
    await s3?.stop();
    await rm(scratch, { recursive: true, force: true });
    await withClient(benchDatabaseUrl().replace(/\/[^/]*$/, "/postgres"), (admin) => admin.query('DROP DATABASE IF EXISTS "portico_bench_attachments" WITH (FORCE)'));
  }

  const report = render(rows, generatorMbPerSecond);
  const out = resolve(PROJECT_ROOT, values.out ?? "bench/results/attachments.md");
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.log(report);
  process.stderr.write(`Written to ${out}\n`);
});

const mb = (bytes: number) => (bytes / MB).toFixed(0);
const growth = (phase: Phase, name: keyof Memory) => `${mb(phase.peak[name])} (+${mb(phase.peak[name] - phase.before[name])})`;

function render(rows: Row[], generatorMbPerSecond: number): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const lines = [
    "# Attachments: throughput and memory while streaming",
    "",
    `Run ${new Date().toISOString()} by \`bench/attachments.ts\` on ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ` +
      `${os.type()} ${os.release()}, Node.js ${process.version}; load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")} at the end. ` +
      `Temporary files and the filesystem store on the machine's ${os.tmpdir()}; S3 is s3rver on 127.0.0.1 (its own process, not counted).`,
    "",
    `The random bytes are generated at ${generatorMbPerSecond.toFixed(0)} MB/s (measured alone), within the upload's time.`,
    "",
    "Memory of the benchmark's process in MB: the peak during the phase, sampled every 50 ms, and in brackets its growth over the figure just before the phase.",
    "",
    "| store | file | upload MB/s | upload s | download MB/s | download s | peak RSS, upload | peak heap used, upload | peak array buffers, upload | peak RSS, download | peak heap used, download | peak array buffers, download |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const { driver, sizeMb, upload, download } of rows) {
    lines.push(
      `| ${driver} | ${sizeMb} MB | ${(sizeMb / upload.seconds).toFixed(0)} | ${upload.seconds.toFixed(2)} | ${(sizeMb / download.seconds).toFixed(0)} | ${download.seconds.toFixed(2)} | ` +
        `${growth(upload, "rss")} | ${growth(upload, "heapUsed")} | ${growth(upload, "arrayBuffers")} | ${growth(download, "rss")} | ${growth(download, "heapUsed")} | ${growth(download, "arrayBuffers")} |`,
    );
  }
  lines.push(
    "",
    `Read back again by a client that takes at most ${SLOW_READER_MB_PER_SECOND} MB/s (slower than either store), so that anything read ahead of it would pile up:`,
    "",
    "| store | file | download s | peak RSS | peak heap used | peak array buffers |",
    "|---|---:|---:|---:|---:|---:|",
  );
  for (const { driver, sizeMb, slowDownload } of rows) {
    lines.push(`| ${driver} | ${sizeMb} MB | ${slowDownload.seconds.toFixed(2)} | ${growth(slowDownload, "rss")} | ${growth(slowDownload, "heapUsed")} | ${growth(slowDownload, "arrayBuffers")} |`);
  }
  lines.push("");
  return lines.join("\n");
}
