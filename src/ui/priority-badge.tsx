import type { PriorityCode } from "@/domain";

// A priority with its colour AND its icon, and always its name: neither colour nor shape is the only
// cue (the icon is decoration for screen readers, the name says it). Shared by My Requests and the queue.

const PRIORITY_LOOKS = {
  S1: { colour: "text-red-800", icon: "M3 9.5 8 4.5l5 5M3 13.5l5-5 5 5" },
  S2: { colour: "text-orange-800", icon: "M3 11 8 6l5 5" },
  S3: { colour: "text-sky-800", icon: "M3.5 6.5h9M3.5 9.5h9" },
  S4: { colour: "text-slate-600", icon: "M8 12.5v.01M6 6a2 2 0 1 1 2.8 1.8C8.3 8 8 8.5 8 9v1" },
} as const satisfies Record<PriorityCode, { colour: string; icon: string }>;

/** `label` is the priority's name in the viewer's language (a list's rowLabels). */
export function PriorityBadge({ priority, label }: { priority: PriorityCode; label: string }) {
  const look = PRIORITY_LOOKS[priority];
  return (
    <span data-priority={priority} className={`priority-badge ${look.colour}`}>
      <svg aria-hidden="true" viewBox="0 0 16 16">
        <path d={look.icon} />
      </svg>
      {label}
    </span>
  );
}
