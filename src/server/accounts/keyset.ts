import { encodeKeyCursor, type KeyCursor } from "@/schemas/list-params";

// The People list and the audit trail page by keyset, as My Requests and the queue do: each page is
// read with one row more than it shows (to know whether more follow), in its own direction — a
// "previous" link reads backwards from its cursor and turns the rows round — so any page costs about
// a page of index entries, however deep.

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

export interface KeysetPage<T> {
  rows: T[];
  nextCursor: string | null;
  previousCursor: string | null;
}

/** The page's rows in list order, and the cursors of the pages around it. */
export function keysetPage<T>(rows: T[], read: KeysetRead, keyOf: (row: T) => KeyCursor, pageSize = CONSOLE_PAGE_SIZE): KeysetPage<T> {
  const hasMore = rows.length > pageSize;
  const pageRows = rows.slice(0, pageSize);
  if (read.backwards) pageRows.reverse();
  const [first, last] = [pageRows[0], pageRows.at(-1)];
  const hasCursor = read.cursor !== undefined;
  // Forward: more follow if the extra row came; earlier pages exist if a cursor brought us here.
  const nextCursor = last && (read.backwards ? hasCursor : hasMore) ? encodeKeyCursor(keyOf(last)) : null;
  const previousCursor = first && (read.backwards ? hasMore : hasCursor) ? encodeKeyCursor(keyOf(first)) : null;
  return { rows: pageRows, nextCursor, previousCursor };
}
