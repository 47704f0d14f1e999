import type { IncomingMailStatus, OutgoingMailStatus } from "@/schemas/agent-mail";

// The colour of each state: what needs an agent stands out (failed, held), what is done is quiet.

const BADGE = "inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

const OUTGOING_TONE: Record<OutgoingMailStatus, string> = {
  kept: "bg-slate-50 text-slate-800 ring-slate-300",
  queued: "bg-sky-50 text-sky-800 ring-sky-300",
  sending: "bg-sky-50 text-sky-800 ring-sky-300",
  sent: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  failed: "bg-red-50 text-red-800 ring-red-300",
  suppressed: "bg-amber-50 text-amber-900 ring-amber-300",
};

const INCOMING_TONE: Record<IncomingMailStatus, string> = {
  held: "bg-amber-50 text-amber-900 ring-amber-300",
  unparseable: "bg-red-50 text-red-800 ring-red-300",
  automatic: "bg-slate-50 text-slate-800 ring-slate-300",
  appended: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  created: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  discarded: "bg-slate-50 text-slate-700 ring-slate-300",
  received: "bg-sky-50 text-sky-800 ring-sky-300",
};

export function OutgoingStatusBadge({ status, label }: { status: OutgoingMailStatus; label: string }) {
  return <span className={`${BADGE} ${OUTGOING_TONE[status]}`}>{label}</span>;
}

export function IncomingStatusBadge({ status, label }: { status: IncomingMailStatus; label: string }) {
  return <span className={`${BADGE} ${INCOMING_TONE[status]}`}>{label}</span>;
}
