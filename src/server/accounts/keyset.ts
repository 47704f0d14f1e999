import { encodeKeyCursor, type KeyCursor } from "@/schemas/list-params";
import { keysetPage as pageOf, type KeysetPage } from "@/server/keyset";

// The People list and the audit trail page by keyset (src/server/keyset.ts), with text ids.

export const CONSOLE_PAGE_SIZE = 50;

export interface KeysetRead {
  /** Reading towards the start of the list, from a `before` cursor. */
  backwards: boolean;
  cursor: KeyCursor | undefined;
}

/** Which way to read: `after` wins when a link carries both. */
export function keysetRead(params: { after?: KeyCursor; before?: KeyCursor }): KeysetRead {
  const backwards = params.after === undefined && params.before !== undefined;
  return { backwards, cursor: params.after ?? params.before };
}

export function keysetPage<T>(rows: T[], read: KeysetRead, keyOf: (row: T) => KeyCursor, pageSize = CONSOLE_PAGE_SIZE): KeysetPage<T> {
  return pageOf(rows, { backwards: read.backwards, hasCursor: read.cursor !== undefined }, (row) => encodeKeyCursor(keyOf(row)), pageSize);
}
