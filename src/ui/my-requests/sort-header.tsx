import Link from "next/link";
import { focusRing } from "@/ui/styles";
import { listHref, type ListView } from "./list-href";

/**
 * A column header that sorts: a link to the same view sorted by this column, newest first, or the
 * other way round when it already is. The header's aria-sort says the current order; while searching
 * the best matches come first and the header is plain text.
 */
export function SortHeader({ view, column, label, className }: { view: ListView; column: ListView["sort"]; label: string; className: string }) {
  const searching = view.q !== "";
  const sorted = !searching && view.sort === column;
  const ariaSort = sorted ? (view.order === "asc" ? "ascending" : "descending") : undefined;
  const order: ListView["order"] = sorted && view.order === "desc" ? "asc" : "desc";
  return (
    <th scope="col" className={className} aria-sort={ariaSort}>
      {searching ? (
        label
      ) : (
        <Link href={listHref({ ...view, sort: column, order })} className={`inline-flex items-center gap-1 rounded-sm hover:text-indigo-800 hover:underline ${focusRing}`}>
          {label}
          <svg aria-hidden="true" viewBox="0 0 16 16" className={`h-3.5 w-3.5 ${sorted ? "text-slate-800" : "text-slate-500"}`} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d={!sorted ? "M5 6l3-3 3 3M5 10l3 3 3-3" : view.order === "asc" ? "M5 10l3-4 3 4" : "M5 6l3 4 3-4"} />
          </svg>
        </Link>
      )}
    </th>
  );
}
