import { readAttachmentConfig } from "../../src/config/env";
import { filesystemStore } from "../../src/server/attachments/filesystem";
import { s3Store } from "../../src/server/attachments/s3";
import type { AttachmentStore } from "../../src/server/attachments/store";
import { createDatabase } from "../../src/server/db/client";
import { hashPassword } from "../../src/server/people/password";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { seedDemoData, type SeedSummary } from "../../prisma/seed/seed-demo-data";

import { SUGGESTED_DEMO_ACCOUNTS } from "./demo-accounts";

export { DEMO_PASSWORD, SUGGESTED_DEMO_ACCOUNTS };

/** Writes the demo data; a second run adds and changes nothing. `passwordHash`: the demo password's, when already made. */
export async function seedDatabase(url: string, poolMax: number, now = new Date(), passwordHash?: string): Promise<SeedSummary> {
  const db = createDatabase({ url, poolMax });
  try {
    return await seedDemoData(db, { now, passwordHash: passwordHash ?? (await hashPassword(DEMO_PASSWORD)), store: demoFileStore() });
  } finally {
    await db.$disconnect();
  }
}

/** Where the demo files' bytes go: the configured store (src/server/attachments/index.ts is for the server only). */
function demoFileStore(): AttachmentStore {
  const { storage } = readAttachmentConfig();
  return storage.driver === "s3" ? s3Store(storage) : filesystemStore(storage.directory);
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

/** True when the suggested demo accounts exist (the database was seeded): only then are they named. */
export async function hasDemoAccounts(url: string, poolMax: number): Promise<boolean> {
  const db = createDatabase({ url, poolMax });
  try {
    const emails = SUGGESTED_DEMO_ACCOUNTS.map((account) => account.email);
    return (await db.user.count({ where: { email: { in: emails }, disabledAt: null } })) === emails.length;
  } finally {
    await db.$disconnect();
  }
}
