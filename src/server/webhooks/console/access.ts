import "server-only";
import type { Actor } from "@/domain";
import type { KeyCursor } from "@/schemas/list-params";

// Webhooks are the support team's tools, like saved replies: an endpoint's secret signs what it gets,
// and its delivery log holds requests' contents, so anyone but an agent is answered as if none existed.

export function canUseWebhookConsole(actor: Actor): boolean {
  return actor.isAgent;
}

/** A newest-first list's cursor as an instant and an id; one that cannot be a row's place reads from the start. */
export function timeCursor(cursor: KeyCursor | undefined): { at: Date; id: string } | undefined {
  if (!cursor || Number.isNaN(Date.parse(cursor.v))) return undefined;
  return { at: new Date(cursor.v), id: cursor.id };
}
