import "server-only";
import { undeliverableListParamsSchema } from "@/schemas/agent-mail";
import { CONSOLE_PAGE_SIZE, keysetPage, keysetRead } from "@/server/accounts/keyset";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseMailConsole } from "./access";

// Addresses that refused mail for good: nothing more is sent to them until an agent clears one.
// By address, the table's key, so a page costs a page of its index however long the list grows.

export interface UndeliverableRow {
  address: string;
  reason: string;
  markedAt: Date;
  /** The mail whose failure marked it, when it is still there. */
  mailId: string | null;
}

export interface UndeliverablePage {
  addresses: UndeliverableRow[];
  nextCursor: string | null;
  previousCursor: string | null;
  onLaterPage: boolean;
}

// The address alone places the cursor (it is the key); the cursor's id part is a fixed word.
const ADDRESS_CURSOR_ID = "address";

export const listUndeliverable = defineUseCase({
  input: undeliverableListParamsSchema,
  run: async (db: Database, viewer: Reader, params): Promise<Outcome<{ page: UndeliverablePage }>> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    const read = keysetRead(params);
    const cursor = read.cursor?.v;
    const rows = await db.undeliverableAddress.findMany({
      where: cursor ? { address: read.backwards ? { lt: cursor } : { gt: cursor } } : {},
      orderBy: { address: read.backwards ? "desc" : "asc" },
      take: CONSOLE_PAGE_SIZE + 1,
    });
    const page = keysetPage(rows, read, (row) => ({ v: row.address, id: ADDRESS_CURSOR_ID }));
    const mailIds = page.rows.flatMap((row) => (row.mailId ? [row.mailId] : []));
    // A mail no longer there is not linked.
    const present = new Set(mailIds.length > 0 ? (await db.outboundMail.findMany({ where: { id: { in: mailIds } }, select: { id: true } })).map((mail) => mail.id) : []);
    return {
      ok: true,
      page: {
        addresses: page.rows.map((row) => ({ address: row.address, reason: row.reason, markedAt: row.markedAt, mailId: row.mailId && present.has(row.mailId) ? row.mailId : null })),
        nextCursor: page.nextCursor,
        previousCursor: page.previousCursor,
        onLaterPage: read.cursor !== undefined,
      },
    };
  },
});
