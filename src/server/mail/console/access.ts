import "server-only";
import { canReadAccounts, type Actor } from "@/domain";
import type { KeyCursor } from "@/schemas/list-params";

// The Mail page is the support team's, like the People list and the audit trail: mail holds
// customers' addresses and words, so anyone else is answered as if it did not exist.

export function canUseMailConsole(actor: Actor): boolean {
  return canReadAccounts(actor);
}

/** A newest-first list's cursor as an instant and an id; one that cannot be a row's place reads from the start. */
export function timeCursor(cursor: KeyCursor | undefined): { at: Date; id: string } | undefined {
  if (!cursor || Number.isNaN(Date.parse(cursor.v))) return undefined;
  return { at: new Date(cursor.v), id: cursor.id };
}
