"use client";

import { useActionState, useId, useRef, useState } from "react";
import { initialFormState, type FormAction } from "@/ui/form-state";

export interface MarkSolvedLabels {
  heading: string;
  intro: string;
  button: string;
  /** What happens, said before it does: solved as agreed, and how to reopen it. */
  confirmText: string;
  confirm: string;
  cancel: string;
  submitting: string;
}

const primary =
  "rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60";
const secondary =
  "rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

/**
 * The requester's "Mark as solved" (docs/product.md §4.1), in two steps: the first click says what
 * will happen — solved as agreed, reopened by a reply — and only the second one solves it. A refusal
 * (the request went On-hold meanwhile) is said beside the buttons; once solved, the page shows the
 * rating form instead of this one.
 */
export function MarkSolvedForm(props: { requestId: number; action: FormAction; submissionKey: string; labels: MarkSolvedLabels }) {
  const { labels } = props;
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const confirmId = `${id}-confirm`;
  const start = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);

  return (
    <form action={formAction} aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{labels.intro}</p>
      <input type="hidden" name="requestId" value={props.requestId} />
      <input type="hidden" name="submissionKey" value={props.submissionKey} />
      {confirming ? (
        <div id={confirmId} className="mt-3 rounded-md border border-indigo-200 bg-indigo-50 p-3">
          <p id={`${confirmId}-text`} className="text-sm font-medium text-slate-900">
            {labels.confirmText}
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <button ref={confirmButton} type="submit" disabled={pending} aria-describedby={`${confirmId}-text`} className={primary}>
              {pending ? labels.submitting : labels.confirm}
            </button>
            <button
              type="button"
              disabled={pending}
              onClick={() => {
                setConfirming(false);
                // Back where the person started.
                requestAnimationFrame(() => start.current?.focus());
              }}
              className={secondary}
            >
              {labels.cancel}
            </button>
          </div>
        </div>
      ) : (
        <button
          ref={start}
          type="button"
          onClick={() => {
            setConfirming(true);
            // The question is read out with the button that answers it.
            requestAnimationFrame(() => confirmButton.current?.focus());
          }}
          className={`mt-3 ${secondary}`}
        >
          {labels.button}
        </button>
      )}
      {/* Always in the page, so that screen readers announce a refusal when it appears. */}
      <p role="alert" className="mt-2 text-sm text-red-700 empty:hidden">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
