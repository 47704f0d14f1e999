import Link from "next/link";
import type { Snippet } from "@/server/requests/snippet";

// Cells that My Requests and the agent queue share.

/** A request's subject, linking to its page (its look: `.subject-link`, globals.css). */
export function SubjectLink({ href, subject }: { href: string; subject: string }) {
  return (
    <Link href={href} prefetch={false} className="subject-link">
      {subject}
    </Link>
  );
}

/** Where a search matched a row's request: "Found in Responses:", and the words around the match. */
export interface RowMatch {
  label: string;
  snippet: Snippet;
}

/**
 * Where a search matched ("Found in Responses:") and the words it found. The segments are rendered
 * as text, never as HTML: the highlight is a <mark> that this component adds, not markup from the request.
 */
export function MatchSnippet({ match: { label, snippet } }: { match: RowMatch }) {
  return (
    <p className="mt-1 text-xs leading-5 text-slate-700">
      <span className="font-semibold text-slate-800">{label}</span>{" "}
      <span className="break-words">
        {snippet.map((segment, index) =>
          segment.highlight ? (
            <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-slate-900">
              {segment.text}
            </mark>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </span>
    </p>
  );
}

/** Beside a merged request's status: where its conversation continues ("Solved · merged into #M", docs/product.md §4.3). */
export function MergedIntoNote({ id, label }: { id: number; label: string }) {
  return (
    <span className="text-xs text-slate-700">
      <span aria-hidden="true"> · </span>
      <Link href={`/requests/${id}`} prefetch={false} className="subject-link">
        {label}
      </Link>
    </span>
  );
}
