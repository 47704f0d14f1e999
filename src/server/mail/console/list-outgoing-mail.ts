import "server-only";
import { z } from "zod";
import { readMailConfig } from "@/config/env";
import type { MailKind } from "@/domain";
import type { OutboundMailStatus, Prisma } from "@/generated/prisma/client";
import { outgoingMailListParamsSchema, type OutgoingMailListParams, type OutgoingMailStatus } from "@/schemas/agent-mail";
import { CONSOLE_PAGE_SIZE, keysetPage, keysetRead } from "@/server/accounts/keyset";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseMailConsole, timeCursor } from "./access";

// Outgoing mail on the Mail page: the outbox, newest first, one state or all — what was sent, what
// waits, what failed and why, and what is kept because no outgoing server is configured.

// The filter's list must be the database's, both ways: a state either side lacks would not compile.
const asDatabaseStatus = (status: OutgoingMailStatus): OutboundMailStatus => status;
const asListedStatus = (status: OutboundMailStatus): OutgoingMailStatus => status;

export interface OutgoingMailRow {
  id: string;
  createdAt: Date;
  status: OutgoingMailStatus;
  kind: MailKind;
  toAddress: string;
  subject: string;
  requestId: number | null;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  /** Failed, or suppressed for an address no longer marked undeliverable: it may be sent again. */
  retryable: boolean;
}

export interface OutgoingMailPage {
  view: Pick<OutgoingMailListParams, "status">;
  mails: OutgoingMailRow[];
  nextCursor: string | null;
  previousCursor: string | null;
  onLaterPage: boolean;
  /** False when SMTP_URL is not set: mail is kept for this page instead of being sent. */
  outgoingServer: boolean;
}

/** Whether an agent may send a mail again: given up on, and not to an address that still refuses mail. */
export function isRetryable(status: OutboundMailStatus, undeliverable: boolean): boolean {
  return (status === "failed" || status === "suppressed") && !undeliverable;
}

/** Which of these addresses are marked undeliverable, in one query. */
export async function undeliverableAmong(db: Database, addresses: readonly string[]): Promise<Set<string>> {
  if (addresses.length === 0) return new Set();
  const rows = await db.undeliverableAddress.findMany({ where: { address: { in: [...new Set(addresses)] } }, select: { address: true } });
  return new Set(rows.map((row) => row.address));
}

export const listOutgoingMail = defineUseCase({
  input: outgoingMailListParamsSchema,
  run: async (db: Database, viewer: Reader, params): Promise<Outcome<{ page: OutgoingMailPage }>> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    const read = keysetRead(params);
    const cursor = timeCursor(read.cursor);
    const where: Prisma.OutboundMailWhereInput = {
      AND: [
        params.status === "all" ? {} : { status: asDatabaseStatus(params.status) },
        // (createdAt, id) past the cursor: the (status,) createdAt DESC, id DESC index starts there.
        cursor
          ? read.backwards
            ? { OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }] }
            : { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] }
          : {},
      ],
    };
    const direction = read.backwards ? "asc" : "desc";
    const rows = await db.outboundMail.findMany({
      where,
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: CONSOLE_PAGE_SIZE + 1,
      select: { id: true, createdAt: true, status: true, kind: true, toAddress: true, subject: true, requestId: true, attempts: true, lastError: true, sentAt: true },
    });
    const page = keysetPage(rows, read, (row) => ({ v: row.createdAt.toISOString(), id: row.id }));
    const undeliverable = await undeliverableAmong(
      db,
      page.rows.filter((row) => row.status === "failed" || row.status === "suppressed").map((row) => row.toAddress),
    );
    return {
      ok: true,
      page: {
        view: { status: params.status },
        mails: page.rows.map((row) => ({ ...row, status: asListedStatus(row.status), retryable: isRetryable(row.status, undeliverable.has(row.toAddress)) })),
        nextCursor: page.nextCursor,
        previousCursor: page.previousCursor,
        onLaterPage: read.cursor !== undefined,
        outgoingServer: readMailConfig().smtpUrl !== undefined,
      },
    };
  },
});

/** The further headers a mail carries (Auto-Submitted, List-Unsubscribe…), read leniently. */
export const extraHeadersSchema = z.record(z.string(), z.string()).catch({});
