// npm run attachments:move -- --to s3 | --to filesystem
//
// Copies every attachment the database references from the store in use (ATTACHMENT_STORAGE) to the
// other one, configured by the same variables the app would read for it: S3_ENDPOINT, S3_REGION,
// S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY for s3; ATTACHMENT_DIR (default
// PORTICO_DATA_DIR/attachments) for filesystem. Objects already there are skipped and each copy is
// checked, so it runs while the app serves and may be run again: run it, switch ATTACHMENT_STORAGE
// and restart, run it once more for the files uploaded in between. The source is never changed.
// Running beside the app needs DATABASE_URL (a PostgreSQL server): the embedded database is one
// process's at a time, so with it the app is stopped for the move.
import { parseArgs } from "node:util";
import { ConfigurationError, readAttachmentConfig, type AttachmentStorageConfig } from "../src/config/env";
import { createDatabase } from "../src/server/db/client";
import { filesystemStore } from "../src/server/attachments/filesystem";
import { moveAttachments } from "../src/server/attachments/move";
import { s3Store } from "../src/server/attachments/s3";
import type { AttachmentStore } from "../src/server/attachments/store";
import { runScript } from "./lib/run-script";
import { withTargetDatabase } from "./lib/target-database";

const MEGABYTE = 1024 * 1024;

runScript(async () => {
  const { values } = parseArgs({ options: { to: { type: "string" }, concurrency: { type: "string", default: "4" } } });
  if (values.to !== "s3" && values.to !== "filesystem") throw new ConfigurationError("Say where to: npm run attachments:move -- --to s3 (or --to filesystem).");
  const source = readAttachmentConfig().storage;
  if (source.driver === values.to) {
    throw new ConfigurationError(`ATTACHMENT_STORAGE is already ${values.to}: the move copies from the store in use to the other one.`);
  }
  // The target is read as the app would read it once switched, with the same checks and messages.
  const target = readAttachmentConfig({ ...process.env, ATTACHMENT_STORAGE: values.to }).storage;
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new ConfigurationError("--concurrency takes a whole number of at least 1.");

  await withTargetDatabase(async (database) => {
    console.log(`Database: ${database.description}`);
    console.log(`From: ${describe(source)}\nTo:   ${describe(target)}`);
    const db = createDatabase({ url: database.url, poolMax: database.poolMax });
    try {
      const started = Date.now();
      const summary = await moveAttachments(db, open(source), open(target), {
        concurrency,
        onProgress: ({ key, byteSize, outcome, done, total }) => {
          // Every copy is worth a line; the skipped ones only now and then.
          if (outcome !== "present" || done % 500 === 0 || done === total) {
            console.log(`[${done}/${total}] ${outcome.padEnd(8)} ${key} (${(byteSize / MEGABYTE).toFixed(2)} MB)`);
          }
        },
      });
      const seconds = (Date.now() - started) / 1000;
      console.log(
        `\nReferenced objects: ${summary.referenced}. Copied: ${summary.copied} (${(summary.bytesCopied / MEGABYTE).toFixed(1)} MB in ${seconds.toFixed(1)} s), ` +
          `already there: ${summary.present}, replaced (wrong size in the target): ${summary.replaced}, deleted meanwhile: ${summary.gone}, missing from the source: ${summary.missing.length}.`,
      );
      if (summary.missing.length > 0) {
        console.error(`Not in the source, so not copied:\n  ${summary.missing.join("\n  ")}`);
        process.exitCode = 1;
      } else {
        console.log(`Every referenced object is in the target. Switch ATTACHMENT_STORAGE=${target.driver}, restart, then run this once more for files uploaded meanwhile.`);
      }
    } finally {
      await db.$disconnect();
    }
  });
});

function open(storage: AttachmentStorageConfig): AttachmentStore {
  return storage.driver === "s3" ? s3Store(storage) : filesystemStore(storage.directory);
}

function describe(storage: AttachmentStorageConfig): string {
  return storage.driver === "s3" ? `s3 bucket ${storage.bucket} at ${storage.endpoint} (${storage.region})` : `filesystem folder ${storage.directory}`;
}
