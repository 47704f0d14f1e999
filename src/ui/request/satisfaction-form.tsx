"use client";

import { useActionState, useId, type ReactNode } from "react";
import { initialFormState, sentText, type FormAction } from "@/ui/form-state";
import { SubmitRow } from "@/ui/submit-row";

export interface SatisfactionLabels {
  heading: string;
  intro: string;
  scoreLegend: string;
  good: string;
  bad: string;
  comment: string;
  commentHint: string;
  submit: string;
  submitting: string;
}

const SCORES = ["good", "bad"] as const;

/**
 * The requester's rating of a Solved request (docs/product.md §4.5): Good or Bad — said in words and
 * a symbol, never by colour alone — and an optional comment. `status` says the current rating and
 * until when it may change. After a refusal the choice and the comment stay as sent; after it went
 * through, the form shows the rating as saved.
 */
export function SatisfactionForm(props: {
  requestId: number;
  action: FormAction;
  current: { score: "good" | "bad"; comment: string | null } | null;
  maxCommentLength: number;
  /** The current rating and until when it can change, as the page says it. */
  status: ReactNode;
  labels: SatisfactionLabels;
}) {
  const { labels, current } = props;
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const id = useId();
  const scoreError = state.fieldErrors.score;
  const commentError = state.fieldErrors.comment;
  const chosen = state.status === "error" ? sentText(state, "score") : (current?.score ?? "");
  const comment = state.status === "error" ? sentText(state, "comment") : (current?.comment ?? "");

  return (
    <form action={formAction} noValidate aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <p className="mt-1 text-sm text-slate-700">{labels.intro}</p>
      <div className="mt-2 text-sm text-slate-800">{props.status}</div>
      <input type="hidden" name="requestId" value={props.requestId} />
      <div key={state.submission} className="mt-3 space-y-3">
        <fieldset aria-describedby={scoreError ? `${id}-score-error` : undefined}>
          <legend className="text-sm font-medium">{labels.scoreLegend}</legend>
          <div className="mt-2 flex flex-wrap gap-3">
            {SCORES.map((score) => (
              <label
                key={score}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-slate-400 px-3 py-2 text-sm has-[:checked]:border-indigo-700 has-[:checked]:bg-indigo-50 has-[:checked]:font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-600/40"
              >
                <input type="radio" name="score" value={score} defaultChecked={chosen === score} className="h-4 w-4 accent-indigo-700" />
                <span aria-hidden="true">{score === "good" ? "👍" : "👎"}</span>
                {score === "good" ? labels.good : labels.bad}
              </label>
            ))}
          </div>
          <p id={`${id}-score-error`} role="alert" className="mt-1 text-sm text-red-700 empty:hidden">
            {scoreError ?? ""}
          </p>
        </fieldset>
        <div>
          <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
            {labels.comment}
          </label>
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
            {labels.commentHint}
          </p>
          <textarea
            id={`${id}-comment`}
            name="comment"
            rows={3}
            maxLength={props.maxCommentLength}
            defaultValue={comment}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? `${id}-hint ${id}-comment-error` : `${id}-hint`}
            className="mt-2 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40 aria-[invalid=true]:border-red-700"
          />
          <p id={`${id}-comment-error`} role="alert" className="mt-1 text-sm text-red-700 empty:hidden">
            {commentError ?? ""}
          </p>
        </div>
      </div>
      <SubmitRow
        pending={pending}
        submit={labels.submit}
        submitting={labels.submitting}
        done={state.status === "done" ? state.message : ""}
        // A field's own error is said beside it.
        error={state.status === "error" && !scoreError && !commentError ? state.message : ""}
      />
    </form>
  );
}
