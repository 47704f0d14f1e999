"use client";

import { useActionState, useId } from "react";
import { formError, initialFormState, sentText, type FormAction } from "../form-state";
import { SubmitRow } from "../submit-row";

export interface TimeZoneOption {
  /** The IANA name, as stored. */
  value: string;
  /** The name as people read it, with its offset from UTC now: "Asia/Seoul (GMT+9)". */
  label: string;
}

/** A select of every IANA time zone; the saved one (or the one dates are shown in) is chosen. */
export function TimeZoneForm(props: {
  action: FormAction;
  options: TimeZoneOption[];
  current: string;
  labels: { label: string; hint: string; submit: string; submitting: string };
}) {
  const [state, action, pending] = useActionState(props.action, initialFormState);
  const hintId = useId();
  const errorId = useId();
  const fieldError = state.status === "error" ? state.fieldErrors.timeZone : undefined;
  // After a refused save, the choice sent stays chosen when it is one of the list.
  const sent = sentText(state, "timeZone");
  const chosen = props.options.some((option) => option.value === sent) ? sent : props.current;
  return (
    <form action={action} className="max-w-2xl space-y-2" key={state.submission}>
      <label htmlFor="time-zone" className="block text-sm font-medium">
        {props.labels.label}
      </label>
      <select
        id="time-zone"
        name="timeZone"
        defaultValue={chosen}
        aria-describedby={fieldError ? `${hintId} ${errorId}` : hintId}
        aria-invalid={fieldError ? true : undefined}
        className="block w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600"
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <p id={hintId} className="text-sm text-slate-600">
        {props.labels.hint}
      </p>
      {fieldError && (
        <p id={errorId} className="text-sm text-red-700">
          {fieldError}
        </p>
      )}
      <SubmitRow pending={pending} submit={props.labels.submit} submitting={props.labels.submitting} done={state.status === "done" ? state.message : ""} error={formError(state) ?? (state.status === "error" ? state.message : "")} />
    </form>
  );
}
