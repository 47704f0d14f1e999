import "server-only";
import type { InboundMailStatus, Prisma } from "@/generated/prisma/client";
import { incomingMailListParamsSchema, type IncomingMailListParams, type IncomingMailStatus } from "@/schemas/agent-mail";
import { CONSOLE_PAGE_SIZE, keysetPage, keysetRead } from "@/server/accounts/keyset";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { canUseMailConsole, timeCursor } from "./access";

// Incoming mail on the Mail page: newest first, held mail by default — what waits for an agent —
// or any other state, with why it was held, set aside or not read, and the request it went to.

// The filter's list must be the database's, both ways: a state either side lacks would not compile.
const asDatabaseStatus = (status: IncomingMailStatus): InboundMailStatus => status;
const asListedStatus = (status: InboundMailStatus): IncomingMailStatus => status;

export interface IncomingMailRow {
  id: string;
  receivedAt: Date;
  fromAddress: string | null;
  fromName: string | null;
  subject: string | null;
  status: IncomingMailStatus;
  /** A code (docs/email.md): why it is held, automatic or unparseable. */
  reason: string | null;
  detail: string | null;
  requestId: number | null;
  /** Held or unreadable: an agent may discard it or make a request of it. */
  actionable: boolean;
}

export interface IncomingMailPage {
  view: Pick<IncomingMailListParams, "status">;
  mails: IncomingMailRow[];
  nextCursor: string | null;
  previousCursor: string | null;
  onLaterPage: boolean;
}

/** Waiting for an agent: what Discard and Create request apply to. */
export const ACTIONABLE_STATUSES = ["held", "unparseable"] as const satisfies readonly InboundMailStatus[];

export function isActionable(status: InboundMailStatus): boolean {
  return (ACTIONABLE_STATUSES as readonly InboundMailStatus[]).includes(status);
}

export const listIncomingMail = defineUseCase({
  input: incomingMailListParamsSchema,
  run: async (db: Database, viewer: Reader, params): Promise<Outcome<{ page: IncomingMailPage }>> => {
    if (!canUseMailConsole(viewer.actor)) return notFound();
    const read = keysetRead(params);
    const cursor = timeCursor(read.cursor);
    const where: Prisma.InboundMailWhereInput = {
      AND: [
        params.status === "all" ? {} : { status: asDatabaseStatus(params.status) },
        cursor
          ? read.backwards
            ? { OR: [{ receivedAt: { gt: cursor.at } }, { receivedAt: cursor.at, id: { gt: cursor.id } }] }
            : { OR: [{ receivedAt: { lt: cursor.at } }, { receivedAt: cursor.at, id: { lt: cursor.id } }] }
          : {},
      ],
    };
    const direction = read.backwards ? "asc" : "desc";
    const rows = await db.inboundMail.findMany({
      where,
      orderBy: [{ receivedAt: direction }, { id: direction }],
      take: CONSOLE_PAGE_SIZE + 1,
      // Never the raw message here: a page of 50 could be a gigabyte.
      select: { id: true, receivedAt: true, fromAddress: true, fromName: true, subject: true, status: true, reason: true, detail: true, requestId: true },
    });
    const page = keysetPage(rows, read, (row) => ({ v: row.receivedAt.toISOString(), id: row.id }));
    return {
      ok: true,
      page: {
        view: { status: params.status },
        mails: page.rows.map((row) => ({ ...row, status: asListedStatus(row.status), actionable: isActionable(row.status) })),
        nextCursor: page.nextCursor,
        previousCursor: page.previousCursor,
        onLaterPage: read.cursor !== undefined,
      },
    };
  },
});
