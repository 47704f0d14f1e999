import "server-only";
import { readSessionConfig } from "@/config/env";
import { canReadAccounts, checkAccountChange, type SessionPolicy } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { accountListParamsSchema, type AccountListParams } from "@/schemas/accounts";
import type { Database } from "@/server/db/client";
import { likeLiteral } from "@/server/db/like";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { CONSOLE_PAGE_SIZE, keysetPage, keysetRead } from "./keyset";

// The support team's list of people (docs/product.md §8): every account, found by email or name,
// with its role, its organizations, whether it is disabled, and how many sessions it has live — so
// an agent can see at once that disabling someone signed them out everywhere.

export interface AccountRow {
  id: string;
  name: string;
  email: string;
  isAgent: boolean;
  /** The organizations the person is a member of, by name. */
  organizations: string[];
  /** Since when the account is disabled; null while it is active. */
  disabledAt: Date | null;
  liveSessions: number;
  /** Whether this agent may disable or enable it (checkAccountChange): not their own. */
  changeable: boolean;
}

export interface AccountsPage {
  view: Pick<AccountListParams, "q">;
  accounts: AccountRow[];
  nextCursor: string | null;
  previousCursor: string | null;
  /** Came by a cursor: an empty page means the list changed since the link was made. */
  onLaterPage: boolean;
}

/**
 * Live sessions as rows can tell: not ended, used within the idle timeout and younger than the
 * maximum age (src/domain/sessions.ts `isSessionLive`, as a query).
 */
function liveSessionWhere(now: Date, policy: SessionPolicy): Prisma.SessionWhereInput {
  return { endedAt: null, lastSeenAt: { gt: new Date(now.getTime() - policy.idleMs) }, createdAt: { gt: new Date(now.getTime() - policy.maxAgeMs) } };
}

/** For agents only; anyone else gets "not found". By email, 50 a page. */
export const listAccounts = defineUseCase({
  input: accountListParamsSchema,
  run: async (db: Database, viewer: Reader, params): Promise<Outcome<{ page: AccountsPage }>> => {
    const { actor, now } = viewer;
    if (!canReadAccounts(actor)) return notFound();

    const read = keysetRead(params);
    const search = params.q;
    // Prisma's `contains` is a LIKE pattern: the wildcards an agent types mean themselves.
    const escaped = likeLiteral(search);
    const where: Prisma.UserWhereInput = {
      AND: [
        search ? { OR: [{ email: { contains: escaped, mode: "insensitive" } }, { name: { contains: escaped, mode: "insensitive" } }] } : {},
        // Emails are unique, so the email alone places the cursor.
        read.cursor ? { email: read.backwards ? { lt: read.cursor.v } : { gt: read.cursor.v } } : {},
      ],
    };
    const rows = await db.user.findMany({
      where,
      orderBy: { email: read.backwards ? "desc" : "asc" },
      take: CONSOLE_PAGE_SIZE + 1,
      select: {
        id: true,
        name: true,
        email: true,
        isAgent: true,
        disabledAt: true,
        memberships: { select: { organization: { select: { name: true } } }, orderBy: { organization: { name: "asc" } } },
        _count: { select: { sessions: { where: liveSessionWhere(now, readSessionConfig()) } } },
      },
    });

    const page = keysetPage(rows, read, (row) => ({ v: row.email, id: row.id }));
    return {
      ok: true,
      page: {
        view: { q: search },
        accounts: page.rows.map((row) => ({
          id: row.id,
          name: row.name,
          email: row.email,
          isAgent: row.isAgent,
          organizations: row.memberships.map((membership) => membership.organization.name),
          disabledAt: row.disabledAt,
          // A disabled account's sessions all ended with it; any left over would not sign anyone in.
          liveSessions: row.disabledAt ? 0 : row._count.sessions,
          changeable: checkAccountChange(actor, row.id).ok,
        })),
        nextCursor: page.nextCursor,
        previousCursor: page.previousCursor,
        onLaterPage: read.cursor !== undefined,
      },
    };
  },
});
