"use client";

import { useActionState, type ReactNode } from "react";
import { initialFormState, type FormAction } from "@/ui/form-state";
import { focusRing } from "@/ui/styles";

// One button of the Mail page (Retry, Discard, Clear): a plain form posting to a server action, so it
// works without JavaScript, with its answer beside it. One that cannot be undone asks first: the
// first button only opens the confirmation (a <details>, no script needed). Once the action went
// through, the page shows the mail in its new state, where the action no longer applies: the form
// stays, with only its answer, so that the answer is still seen and announced.

export interface MailActionLabels {
  submit: string;
  /** Names the thing acted on, for screen readers ("Retry the mail to …"). */
  submitLabel: string;
  pending: string;
  /** When set, the first button opens this question and the real one says `confirmSubmit`. */
  confirm?: { question: string; submit: string };
}

const BUTTON = `rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${focusRing}`;

export function MailActionForm(props: {
  action: FormAction;
  fields: Record<string, string>;
  labels: MailActionLabels;
  tone?: "neutral" | "danger";
  /** Whether the action applies now; once it went through it no longer does, and only its answer stays. */
  available?: boolean;
  /** Shown instead when the action does not apply and there is no answer to show. */
  placeholder?: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const { labels, available = true } = props;
  if (!available && state.status === "idle") return props.placeholder ?? null;
  const danger = props.tone === "danger";
  const submit = (text: string, className: string) => (
    <button type="submit" disabled={pending} aria-label={labels.submitLabel} className={`${BUTTON} ${className}`}>
      {pending ? labels.pending : text}
    </button>
  );
  return (
    <form action={formAction} className="space-y-1">
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {!available ? null : labels.confirm ? (
        <details>
          <summary className={`${BUTTON} inline-block cursor-pointer list-none border ${danger ? "border-red-700 text-red-800 hover:bg-red-50" : "border-indigo-700 text-indigo-800 hover:bg-indigo-50"}`}>
            {labels.submit}
          </summary>
          <div className={`mt-2 max-w-xs space-y-2 rounded-md border p-2 ${danger ? "border-red-200 bg-red-50" : "border-indigo-200 bg-indigo-50"}`}>
            <p className={`text-sm ${danger ? "text-red-900" : "text-indigo-950"}`}>{labels.confirm.question}</p>
            {submit(labels.confirm.submit, danger ? "bg-red-700 text-white hover:bg-red-800" : "bg-indigo-600 text-white hover:bg-indigo-700")}
          </div>
        </details>
      ) : (
        submit(labels.submit, "border border-indigo-700 text-indigo-800 hover:bg-indigo-50")
      )}
      {/* Always in the page, so that screen readers announce what appears in them. */}
      <p role="status" className="text-xs text-emerald-800">
        {state.status === "done" ? state.message : ""}
      </p>
      <p role="alert" className="text-xs text-red-700">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
