import "server-only";
import { canReadAccounts, checkAccountChange } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import type { Database } from "@/server/db/client";
import { notFound, refused, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import type { Client } from "@/server/security/client";

/** Who changes an account: an agent, and where their request came from (for the audit trail). */
export type AccountChanger = Reader & { client?: Client };

export interface AccountChange {
  /** False when the account already was as asked: nothing was changed or recorded. */
  changed: boolean;
  sessionsEnded: number;
  /** Whether the account is disabled now. */
  disabled: boolean;
}

/**
 * The checks both changes share: anyone but the support team is answered as if nothing were there;
 * an agent is refused their own account (checkAccountChange); and the account must exist. `change`
 * runs in one transaction, so the account, its sessions and the audit event change together or not at all.
 */
export async function changeAccount(
  db: Database,
  viewer: AccountChanger,
  accountId: string,
  disable: boolean,
  change: (tx: Prisma.TransactionClient) => Promise<Omit<AccountChange, "disabled"> | null>,
): Promise<Outcome<AccountChange>> {
  if (!canReadAccounts(viewer.actor)) return notFound();
  const check = checkAccountChange(viewer.actor, accountId);
  if (!check.ok) return refused(check.refusal);
  const result = await db.$transaction(async (tx) => {
    const changed = await change(tx);
    if (changed) return { ...changed, disabled: disable };
    // Nothing matched: either already as asked, or no such account.
    return (await tx.user.count({ where: { id: accountId } })) > 0 ? { changed: false, sessionsEnded: 0, disabled: disable } : null;
  });
  return result ? { ok: true, ...result } : notFound();
}
