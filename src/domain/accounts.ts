import { refuse, type Result } from "./refusal";
import type { Actor } from "./visibility";

// People's accounts (docs/product.md §8): the support team can disable an account — its sessions end
// at once and it can no longer sign in — and enable it again; and it reads the audit trail. Nobody
// disables their own account: the last agent could otherwise lock the team out.

export type AccountChangeRefusalCode = "agents_only" | "own_account";

export function checkAccountChange(actor: Actor, accountId: string): Result<object, AccountChangeRefusalCode> {
  if (!actor.isAgent || actor.isAutomation) return refuse("agents_only", "Only the support team manages accounts.");
  if (actor.userId === accountId) return refuse("own_account", "Nobody disables their own account.");
  return { ok: true };
}

/** Who reads the audit trail and the list of accounts: the support team. */
export function canReadAccounts(actor: Actor): boolean {
  return actor.isAgent && !actor.isAutomation;
}
