"use client";

import { useActionState } from "react";
import { initialFormState, type FormAction } from "@/ui/form-state";
import { focusRing } from "@/ui/styles";

// Redeliver: a plain form posting to a server action, so it works without JavaScript, with its answer
// beside it — the page's one status line.

export function RedeliverForm(props: { action: FormAction; endpointId: string; deliveryId: string; labels: { submit: string; pending: string; hint: string } }) {
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const { labels } = props;
  return (
    <form action={formAction} className="space-y-1">
      <input type="hidden" name="endpointId" value={props.endpointId} />
      <input type="hidden" name="deliveryId" value={props.deliveryId} />
      <p id="redeliver-hint" className="text-sm text-slate-700">
        {labels.hint}
      </p>
      <button
        type="submit"
        disabled={pending}
        aria-describedby="redeliver-hint"
        className={`rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60 ${focusRing}`}
      >
        {pending ? labels.pending : labels.submit}
      </button>
      {/* Always in the page, so that screen readers announce what appears in them. */}
      <p role="status" className="text-sm text-emerald-800">
        {state.status === "done" ? state.message : ""}
      </p>
      <p role="alert" className="text-sm text-red-700">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
