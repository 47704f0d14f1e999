"use client";

import { useActionState, useId } from "react";
import { initialFormState, type FormAction, type FormState } from "@/ui/form-state";

export interface CcManagerLabels {
  none: string;
  add: string;
  addSubmit: string;
  choose: string;
  removeButton: string;
  /** "Remove {name}", one per CC. */
  remove: Record<string, string>;
  noCandidates: string;
}

/**
 * The requester's CC list: remove buttons and an add form. Plain forms posting to server actions, so
 * both work without JavaScript. One remove form for the whole list (each button names its person),
 * so its message stays on screen after the removed name is gone.
 */
export function CcManager(props: {
  requestId: number;
  ccs: Array<{ id: string; name: string }>;
  candidates: Array<{ id: string; name: string; email: string }>;
  addAction: FormAction;
  removeAction: FormAction;
  labels: CcManagerLabels;
}) {
  const { labels } = props;
  const [removeState, removeAction, removing] = useActionState(props.removeAction, initialFormState);
  const [addState, addAction, adding] = useActionState(props.addAction, initialFormState);
  const id = useId();
  const selectId = `${id}-candidate`;

  return (
    <div className="space-y-3">
      <form action={removeAction}>
        <input type="hidden" name="requestId" value={props.requestId} />
        {props.ccs.length === 0 ? (
          <p className="text-slate-700">{labels.none}</p>
        ) : (
          <ul className="space-y-1">
            {props.ccs.map((cc) => (
              <li key={cc.id} className="flex items-center justify-between gap-2">
                <span>{cc.name}</span>
                <button
                  type="submit"
                  name="userId"
                  value={cc.id}
                  disabled={removing}
                  aria-label={labels.remove[cc.id]}
                  className="rounded px-2 py-0.5 text-xs font-medium text-red-800 ring-1 ring-inset ring-red-300 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:opacity-60"
                >
                  {labels.removeButton}
                </button>
              </li>
            ))}
          </ul>
        )}
        <FormMessage state={removeState} />
      </form>
      {props.candidates.length === 0 ? (
        <p className="text-xs text-slate-600">{labels.noCandidates}</p>
      ) : (
        <form action={addAction} className="space-y-1">
          <input type="hidden" name="requestId" value={props.requestId} />
          <label htmlFor={selectId} className="block text-sm font-medium">
            {labels.add}
          </label>
          <div className="flex gap-2">
            <select
              key={addState.submission}
              id={selectId}
              name="userId"
              defaultValue=""
              className="min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-2 py-1.5 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40"
            >
              <option value="">{labels.choose}</option>
              {props.candidates.map((candidate) => (
                <option key={candidate.id} value={candidate.id}>
                  {candidate.name} ({candidate.email})
                </option>
              ))}
            </select>
            <button
              type="submit"
              disabled={adding}
              className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:opacity-60"
            >
              {labels.addSubmit}
            </button>
          </div>
          <FormMessage state={addState} />
        </form>
      )}
    </div>
  );
}

function FormMessage({ state }: { state: FormState }) {
  return (
    <>
      <p role="status" className="mt-1 text-xs text-emerald-800">
        {state.status === "done" ? state.message : ""}
      </p>
      <p role="alert" className="text-xs text-red-700">
        {state.status === "error" ? state.message : ""}
      </p>
    </>
  );
}
