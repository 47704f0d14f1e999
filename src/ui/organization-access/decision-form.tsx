"use client";

import { useActionState } from "react";
import type { AccessDecisionFormState } from "./form-state";

interface DecisionFormProps {
  action: (state: AccessDecisionFormState, formData: FormData) => Promise<AccessDecisionFormState>;
  initialState: AccessDecisionFormState;
  accessRequestId: string;
  /** The id of the text that says whose request this is, so each button names its request. */
  describedBy: string;
  labels: { approve: string; decline: string; deciding: string };
}

// Approve or decline one access request: two submit buttons of a plain form, so it works without
// JavaScript; the button pressed is the `decision`.
export function DecisionForm({ action, initialState, accessRequestId, describedBy, labels }: DecisionFormProps) {
  const [state, formAction, pending] = useActionState(action, initialState);
  return (
    <form action={formAction} className="mt-3">
      <input type="hidden" name="accessRequestId" value={accessRequestId} />
      {state.error && (
        <p role="alert" className="mb-2 text-sm font-medium text-red-700">
          {state.error}
        </p>
      )}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          name="decision"
          value="approve"
          disabled={pending}
          aria-describedby={describedBy}
          className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {labels.approve}
        </button>
        <button
          type="submit"
          name="decision"
          value="decline"
          disabled={pending}
          aria-describedby={describedBy}
          className="rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
        >
          {labels.decline}
        </button>
        {pending && (
          <span role="status" className="text-sm text-slate-600">
            {labels.deciding}
          </span>
        )}
      </div>
    </form>
  );
}
