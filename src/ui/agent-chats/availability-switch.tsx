"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { initialFormState, type FormAction, type FormState } from "@/ui/form-state";
import { focusRing } from "@/ui/styles";

// The console header's "Available for chats" switch (docs/realtime.md, "Availability"). A plain form
// posting to a server action, so it works without JavaScript; with it, the switch moves when the
// server said so. While Available, the open console says "still here" every `beatMs` (and once on
// opening), since an agent whose console closed stops counting within a minute; when the answer says
// the agent is not available (switched Away elsewhere), the switch follows.

export interface AvailabilityLabels {
  label: string;
  available: string;
  away: string;
  saving: string;
}

export function AvailabilitySwitch(props: { available: boolean; action: FormAction; beatMs: number; labels: AvailabilityLabels }) {
  const { labels, beatMs } = props;
  const labelId = useId();
  const [on, setOn] = useState(props.available);
  // The server's word wins when the layout renders again (another tab switched it).
  const [shown, setShown] = useState(props.available);
  if (shown !== props.available) {
    setShown(props.available);
    setOn(props.available);
  }
  const [state, formAction, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const answer = await props.action(previous, formData);
    if (answer.status === "done") setOn(formData.get("available") === "available");
    return answer;
  }, initialFormState);

  useEffect(() => {
    if (!on) return;
    let stopped = false;
    const beat = async () => {
      try {
        const response = await fetch("/api/agent/presence", { method: "POST", headers: { accept: "application/json" } });
        if (!response.ok) return;
        const { available } = (await response.json()) as { available?: boolean };
        if (!stopped && available === false) setOn(false);
      } catch {
        // Offline for a moment: the next beat tries again, well inside the presence window.
      }
    };
    void beat();
    const timer = setInterval(beat, beatMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [on, beatMs]);

  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="available" value={on ? "away" : "available"} />
      <span id={labelId} className="text-sm font-medium text-slate-800">
        {labels.label}
      </span>
      <button
        type="submit"
        role="switch"
        aria-checked={on}
        aria-labelledby={labelId}
        disabled={pending}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full transition-colors disabled:opacity-60 ${focusRing} ${on ? "bg-emerald-700" : "bg-slate-500"}`}
      >
        <span aria-hidden="true" className={`absolute h-5 w-5 rounded-full bg-white shadow transition-all ${on ? "left-[1.375rem]" : "left-0.5"}`} />
      </button>
      {/* The switch's state is read out with it; the word is for the eye. */}
      <span aria-hidden="true" className={`text-sm font-medium ${on ? "text-emerald-800" : "text-slate-700"}`}>
        {pending ? labels.saving : on ? labels.available : labels.away}
      </span>
      {/* Always in the page, so that screen readers announce what appears in it; not a status region of
          its own, which would be one more on every console page besides the page's own notices. */}
      <span aria-live="polite" className="sr-only">
        {state.status === "done" ? state.message : ""}
      </span>
      {/* An alert is announced as it appears. */}
      {state.status === "error" && (
        <p role="alert" className="text-xs text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
