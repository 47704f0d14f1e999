"use client";

import { useActionState, useId, useRef, useState } from "react";
import { initialFormState, type FormAction } from "@/ui/form-state";
import { SubmitRow } from "@/ui/submit-row";

// The agent's merge (docs/product.md §4.3) in a dialog of two steps: choose the request to merge into,
// then see both requests side by side — number, subject, requester, status — and confirm, with an
// optional public comment on each. The server decides again: a refusal is said in the dialog, and
// what the agent wrote stays.

/** One request as the confirmation shows it; the status already in the agent's language. */
export interface MergeSummary {
  id: number;
  subject: string;
  requesterName: string;
  statusLabel: string;
}

/** Texts naming the target keep "{target}" for the dialog to fill in once it is chosen. */
export interface MergeDialogLabels {
  open: string;
  heading: string;
  close: string;
  chooseLegend: string;
  candidates: string;
  none: string;
  typed: string;
  review: string;
  noTarget: string;
  sameRequest: string;
  confirmHeading: string;
  explain: string;
  mergedSide: string;
  targetSide: string;
  number: string;
  subject: string;
  requester: string;
  status: string;
  unknown: string;
  commentOnMerged: string;
  commentOnTarget: string;
  commentHint: string;
  back: string;
  confirm: string;
  submitting: string;
}

export interface MergeDialogProps {
  /** The request being merged. */
  request: MergeSummary;
  /** Requests of its organization it may be merged into (the most recent); any other is typed by number. */
  candidates: readonly MergeSummary[];
  action: FormAction;
  /** This rendering's key: the confirmation sent twice merges once. */
  submissionKey: string;
  commentMaxLength: number;
  labels: MergeDialogLabels;
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40";
const secondaryButton =
  "rounded-md border border-slate-400 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600";

export function MergeDialog({ request, candidates, action, submissionKey, commentMaxLength, labels }: MergeDialogProps) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const chooser = useRef<HTMLSelectElement>(null);
  // Controlled, so that nothing the agent chose or wrote is reset by an answer.
  const [chosen, setChosen] = useState("");
  const [typed, setTyped] = useState("");
  const [step, setStep] = useState<"choose" | "confirm">("choose");
  const [problem, setProblem] = useState("");
  const [commentOnMerged, setCommentOnMerged] = useState("");
  const [commentOnTarget, setCommentOnTarget] = useState("");

  const targetNumber = typed.trim().replace(/^#/, "") || chosen;
  const target: MergeSummary | null = candidates.find((candidate) => String(candidate.id) === targetNumber) ?? null;
  const fill = (text: string) => text.replaceAll("{target}", targetNumber);

  function review() {
    if (!/^\d{1,10}$/.test(targetNumber)) return setProblem(labels.noTarget);
    if (Number(targetNumber) === request.id) return setProblem(labels.sameRequest);
    setProblem("");
    setStep("confirm");
    // After the step renders: the confirmation is read from its heading.
    requestAnimationFrame(() => confirmHeading.current?.focus());
  }

  function back() {
    setStep("choose");
    requestAnimationFrame(() => chooser.current?.focus());
  }

  const summary = (heading: string, shown: MergeSummary | null, number: string) => (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-3">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{heading}</h4>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{labels.number}</dt>
        <dd className="font-medium tabular-nums">#{number}</dd>
        {shown ? (
          <>
            <dt className="text-slate-600">{labels.subject}</dt>
            <dd className="break-words">{shown.subject}</dd>
            <dt className="text-slate-600">{labels.requester}</dt>
            <dd>{shown.requesterName}</dd>
            <dt className="text-slate-600">{labels.status}</dt>
            <dd>{shown.statusLabel}</dd>
          </>
        ) : (
          <dd className="col-span-2 text-slate-700">{labels.unknown}</dd>
        )}
      </dl>
    </div>
  );

  return (
    <div>
      <button type="button" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()} className={secondaryButton}>
        {labels.open}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-heading`}
        className="m-auto w-[min(42rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={formAction} noValidate aria-labelledby={`${id}-heading`} className="p-5">
          <div className="flex items-start justify-between gap-4">
            <h3 id={`${id}-heading`} className="text-lg font-semibold">
              {labels.heading}
            </h3>
            <button type="button" onClick={() => dialog.current?.close()} className={secondaryButton}>
              {labels.close}
            </button>
          </div>
          <input type="hidden" name="requestId" value={request.id} />
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <input type="hidden" name="targetId" value={targetNumber} />

          <fieldset hidden={step !== "choose"} className="mt-4 space-y-3">
            <legend className="text-sm font-semibold">{labels.chooseLegend}</legend>
            {candidates.length > 0 && (
              <div>
                <label htmlFor={`${id}-candidates`} className="block text-sm font-medium">
                  {labels.candidates}
                </label>
                <select ref={chooser} id={`${id}-candidates`} value={chosen} onChange={(event) => setChosen(event.target.value)} className={fieldClass}>
                  <option value="">{labels.none}</option>
                  {candidates.map((candidate) => (
                    <option key={candidate.id} value={String(candidate.id)}>
                      #{candidate.id} {candidate.subject}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div>
              <label htmlFor={`${id}-typed`} className="block text-sm font-medium">
                {labels.typed}
              </label>
              <input
                id={`${id}-typed`}
                inputMode="numeric"
                maxLength={11}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                onKeyDown={(event) => {
                  // Enter reviews; it never merges before the confirmation was seen.
                  if (event.key === "Enter") {
                    event.preventDefault();
                    review();
                  }
                }}
                aria-invalid={problem ? true : undefined}
                aria-describedby={problem ? `${id}-problem` : undefined}
                className={fieldClass}
              />
            </div>
            <p id={`${id}-problem`} role="alert" className="text-sm text-red-700">
              {problem}
            </p>
            <button type="button" onClick={review} className="rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
              {labels.review}
            </button>
          </fieldset>

          <div hidden={step !== "confirm"} className="mt-4 space-y-4">
            <h4 ref={confirmHeading} tabIndex={-1} className="font-semibold focus:outline-none">
              {labels.confirmHeading}
            </h4>
            <p className="text-sm text-slate-700">{fill(labels.explain)}</p>
            <div className="grid gap-3 sm:grid-cols-2">
              {summary(labels.mergedSide, request, String(request.id))}
              {summary(labels.targetSide, target, targetNumber)}
            </div>
            <div>
              <label htmlFor={`${id}-on-merged`} className="block text-sm font-medium">
                {labels.commentOnMerged}
              </label>
              <textarea
                id={`${id}-on-merged`}
                name="commentOnMerged"
                rows={3}
                maxLength={commentMaxLength}
                value={commentOnMerged}
                onChange={(event) => setCommentOnMerged(event.target.value)}
                aria-describedby={`${id}-comment-hint`}
                className={fieldClass}
              />
            </div>
            <div>
              <label htmlFor={`${id}-on-target`} className="block text-sm font-medium">
                {fill(labels.commentOnTarget)}
              </label>
              <textarea
                id={`${id}-on-target`}
                name="commentOnTarget"
                rows={3}
                maxLength={commentMaxLength}
                value={commentOnTarget}
                onChange={(event) => setCommentOnTarget(event.target.value)}
                aria-describedby={`${id}-comment-hint`}
                className={fieldClass}
              />
            </div>
            <p id={`${id}-comment-hint`} className="text-xs text-slate-600">
              {labels.commentHint}
            </p>
            <div className="flex flex-wrap items-start gap-3">
              <button type="button" onClick={back} className={`mt-3 ${secondaryButton}`}>
                {labels.back}
              </button>
              <div className="flex-1">
                <SubmitRow
                  pending={pending}
                  submit={fill(labels.confirm)}
                  submitting={labels.submitting}
                  done={state.status === "done" ? state.message : ""}
                  error={state.status === "error" ? state.message : ""}
                />
              </div>
            </div>
          </div>
        </form>
      </dialog>
    </div>
  );
}
