import { readAttachmentConfig } from "../../src/config/env";
import { filesystemStore } from "../../src/server/attachments/filesystem";
import type { AttachmentStore } from "../../src/server/attachments/store";
import { createDatabase } from "../../src/server/db/client";
import { hashPassword } from "../../src/server/people/password";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { seedDemoData, type SeedSummary } from "../../prisma/seed/seed-demo-data";

export { DEMO_PASSWORD };

/** Writes the demo data; a second run adds and changes nothing. */
export async function seedDatabase(url: string, poolMax: number, now = new Date()): Promise<SeedSummary> {
  const db = createDatabase({ url, poolMax });
  try {
    return await seedDemoData(db, { now, passwordHash: await hashPassword(DEMO_PASSWORD), store: demoFileStore() });
  } finally {
    await db.$disconnect();
  }
}

/**
 * Where the demo files' bytes go: the configured filesystem store. The app's own choice of store
 * (src/server/attachments/index.ts) is for the server only; with another driver the demo data is
 * written without its files.
 */
function demoFileStore(): AttachmentStore | null {
  const { storage } = readAttachmentConfig();
  return storage.driver === "filesystem" ? filesystemStore(storage.directory) : null;
}

/** True when the database has no users yet: a first start. */
export async function isEmptyDatabase(url: string, poolMax: number): Promise<boolean> {
  const db = createDatabase({ url, poolMax });
  try {
    return (await db.user.count()) === 0;
  } finally {
    await db.$disconnect();
  }
}
