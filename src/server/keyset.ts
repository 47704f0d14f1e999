// Keyset pages, for every list (My Requests, the queue, the console's People and audit trail): a page
// is read with one row more than it shows (to know whether more follow), in its own direction — a
// "previous" link reads backwards from its cursor and the rows are turned round — so any page costs
// about a page of index entries, however deep.

export interface KeysetPage<T> {
  rows: T[];
  nextCursor: string | null;
  previousCursor: string | null;
}

/** The page's rows in list order, and the cursors (as `cursorOf` writes them) of the pages around it. */
export function keysetPage<T>(rows: T[], read: { backwards: boolean; hasCursor: boolean }, cursorOf: (row: T) => string, pageSize: number): KeysetPage<T> {
  const hasMore = rows.length > pageSize;
  const pageRows = rows.slice(0, pageSize);
  if (read.backwards) pageRows.reverse();
  const [first, last] = [pageRows[0], pageRows.at(-1)];
  // Forward: more follow if the extra row came; earlier pages exist if a cursor brought us here.
  const nextCursor = last && (read.backwards ? read.hasCursor : hasMore) ? cursorOf(last) : null;
  const previousCursor = first && (read.backwards ? hasMore : read.hasCursor) ? cursorOf(first) : null;
  return { rows: pageRows, nextCursor, previousCursor };
}
