"use client";

import { useActionState } from "react";
import { initialFormState, sentText, type FormAction } from "@/ui/form-state";
import { focusRing } from "@/ui/styles";

// "Create request" for a held mail: for which customer, by their account's email — the sender's
// address to begin with. Going through, the action moves on to the new request.

export interface HeldMailRequestLabels {
  heading: string;
  email: string;
  hint: string;
  submit: string;
  pending: string;
}

export function HeldMailRequestForm(props: { action: FormAction; inboundMailId: string; senderAddress: string; labels: HeldMailRequestLabels }) {
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const { labels } = props;
  const error = state.status === "error" ? (state.fieldErrors.requesterEmail ?? state.message) : "";
  return (
    <form action={formAction} aria-labelledby="held-mail-request-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
      <h3 id="held-mail-request-heading" className="font-semibold">
        {labels.heading}
      </h3>
      <input type="hidden" name="inboundMailId" value={props.inboundMailId} />
      <div>
        <label htmlFor="held-mail-requester" className="block text-sm font-medium">
          {labels.email}
        </label>
        <input
          // A new key after each answer, so the field shows what was sent (or the sender) afresh.
          key={state.submission}
          id="held-mail-requester"
          name="requesterEmail"
          type="email"
          required
          maxLength={320}
          defaultValue={sentText(state, "requesterEmail") || props.senderAddress}
          aria-describedby="held-mail-requester-hint held-mail-requester-error"
          aria-invalid={error ? true : undefined}
          className="mt-1 w-full max-w-md rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40"
        />
        <p id="held-mail-requester-hint" className="mt-1 text-xs text-slate-600">
          {labels.hint}
        </p>
      </div>
      <button type="submit" disabled={pending} className={`rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60 ${focusRing}`}>
        {pending ? labels.pending : labels.submit}
      </button>
      <p id="held-mail-requester-error" role="alert" className="text-sm text-red-700">
        {error}
      </p>
    </form>
  );
}
