"use client";

import { useActionState } from "react";
import { formError, initialFormState, sentTexts, type FormAction } from "../form-state";
import { SubmitRow } from "../submit-row";

export interface NotificationChoice {
  kind: string;
  enabled: boolean;
  label: string;
  hint: string;
}

/** One checkbox per notification of the person's set: ticked, it is sent. */
export function NotificationPreferencesForm(props: { action: FormAction; choices: NotificationChoice[]; labels: { legend: string; submit: string; submitting: string } }) {
  const [state, action, pending] = useActionState(props.action, initialFormState);
  // After a refused save, what was ticked stays ticked; otherwise the saved settings.
  const sent = state.status === "error" ? sentTexts(state, "enabled") : null;
  return (
    <form action={action} className="max-w-2xl" key={state.submission}>
      <fieldset className="space-y-3">
        <legend className="mb-2 font-medium">{props.labels.legend}</legend>
        {props.choices.map((choice) => (
          <div key={choice.kind} className="flex items-start gap-3">
            <input
              id={`notify-${choice.kind}`}
              type="checkbox"
              name="enabled"
              value={choice.kind}
              defaultChecked={sent ? sent.includes(choice.kind) : choice.enabled}
              aria-describedby={`notify-${choice.kind}-hint`}
              className="mt-1 h-4 w-4 rounded border-slate-300 text-indigo-700 focus:ring-indigo-600"
            />
            <div>
              <label htmlFor={`notify-${choice.kind}`} className="text-sm font-medium">
                {choice.label}
              </label>
              <p id={`notify-${choice.kind}-hint`} className="text-sm text-slate-600">
                {choice.hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <SubmitRow pending={pending} submit={props.labels.submit} submitting={props.labels.submitting} done={state.status === "done" ? state.message : ""} error={formError(state) ?? (state.status === "error" ? state.message : "")} />
    </form>
  );
}
