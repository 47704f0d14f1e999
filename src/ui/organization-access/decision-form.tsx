"use client";

import { useActionState } from "react";
import { formError, initialFormState, type FormAction } from "@/ui/form-state";

interface DecisionFormProps {
  action: FormAction;
  accessRequestId: string;
  /** The id of the text that says whose request this is, so each button names its request. */
  describedBy: string;
  labels: { approve: string; decline: string; deciding: string };
}

const DECISIONS = [
  { decision: "approve", className: "bg-indigo-700 text-white hover:bg-indigo-800" },
  { decision: "decline", className: "border border-slate-400 bg-white hover:bg-slate-50" },
] as const;

// Approve or decline one access request: two submit buttons of a plain form, so it works without
// JavaScript; the button pressed is the `decision`.
export function DecisionForm({ action, accessRequestId, describedBy, labels }: DecisionFormProps) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const error = state.status === "error" ? (formError(state) ?? state.message) : null;
  return (
    <form action={formAction} className="mt-3">
      <input type="hidden" name="accessRequestId" value={accessRequestId} />
      {error && (
        <p role="alert" className="mb-2 text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <div className="flex items-center gap-3">
        {DECISIONS.map(({ decision, className }) => (
          <button
            key={decision}
            type="submit"
            name="decision"
            value={decision}
            disabled={pending}
            aria-describedby={describedBy}
            className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60 ${className}`}
          >
            {labels[decision]}
          </button>
        ))}
        {pending && (
          <span role="status" className="text-sm text-slate-600">
            {labels.deciding}
          </span>
        )}
      </div>
    </form>
  );
}
