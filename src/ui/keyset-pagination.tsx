import Link from "next/link";

const linkClass =
  "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/** Previous / Next of a keyset-paged list: each link is the same view from another cursor. */
export function KeysetPagination(props: { label: string; previous: string; next: string; previousHref: string | null; nextHref: string | null }) {
  if (!props.previousHref && !props.nextHref) return null;
  return (
    <nav aria-label={props.label} className="mt-4 flex items-center justify-between gap-4">
      <div>
        {props.previousHref && (
          <Link href={props.previousHref} rel="prev" className={linkClass}>
            <span aria-hidden="true">←</span>
            {props.previous}
          </Link>
        )}
      </div>
      <div>
        {props.nextHref && (
          <Link href={props.nextHref} rel="next" className={linkClass}>
            {props.next}
            <span aria-hidden="true">→</span>
          </Link>
        )}
      </div>
    </nav>
  );
}
