import type { RequestStatus } from "@/domain";

// Each status has its own colour, but the label always says it: colour is never the only cue.
const STATUS_STYLES = {
  open: "bg-sky-50 text-sky-800 ring-sky-300",
  pending: "bg-amber-50 text-amber-900 ring-amber-300",
  on_hold: "bg-violet-50 text-violet-800 ring-violet-300",
  solved: "bg-emerald-50 text-emerald-800 ring-emerald-300",
} as const satisfies Record<RequestStatus, string>;

const SIZES = { small: "px-2 py-0.5 text-xs", regular: "px-2.5 py-0.5 text-sm" } as const;

export type StatusBadgeSize = keyof typeof SIZES;

/** A status named by the caller: a list looks its labels up once for all its rows (rowLabels); a page that shows one status names it with TranslatedStatusBadge. */
export function StatusBadge({ status, label, size = "small" }: { status: RequestStatus; label: string; size?: StatusBadgeSize }) {
  return <span className={`badge ${SIZES[size]} ${STATUS_STYLES[status]}`}>{label}</span>;
}

