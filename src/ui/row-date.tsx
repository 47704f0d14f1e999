// A date as a list's row shows it: how long ago (or until), with the exact moment on hover. The server
// formats both in the viewer's language and time zone (rowDate, src/ui/row-labels.ts); the row only shows them.

export interface RowDate {
  /** The instant, for `<time dateTime>`. */
  iso: string;
  /** "3 hours ago", "in 2 days". */
  relative: string;
  /** "June 3, 2025 at 2:05 PM UTC", for the hover title. */
  exact: string;
}

export function RowDateText({ date }: { date: RowDate }) {
  return (
    <time dateTime={date.iso} title={date.exact} className="whitespace-nowrap">
      {date.relative}
    </time>
  );
}
