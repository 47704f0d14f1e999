import type { ReactNode } from "react";

// The console's lists as tables: a caption for screen readers, one header row, and rows that the
// caller writes — each with its first cell as the row header (`<th scope="row">`). Wide tables
// scroll within themselves rather than widening the page.

/** A body cell's padding, and a row header's. */
export const cellClass = "px-3 py-2";
export const rowClass = "border-b border-slate-200 align-top";

export function DataTable(props: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            {props.columns.map((column) => (
              <th key={column} scope="col" className={`${cellClass} font-semibold`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
