"use client";

import { useActionState, useId } from "react";
import { FieldError, TextField } from "@/ui/form-fields";
import { initialFormState, sentText, sentTexts, type FormAction } from "@/ui/form-state";
import { SubmitRow } from "@/ui/submit-row";

// A webhook endpoint's settings, to add one or edit it: where events go, which ones, and whether
// internal notes go too. After a refusal the fields show what the agent sent, with the reason beside
// the field to blame.

export interface EndpointFormLabels {
  heading: string;
  url: string;
  urlHint: string;
  description: string;
  events: string;
  eventNames: Record<string, string>;
  internal: string;
  internalHint: string;
  submit: string;
  submitting: string;
}

export function EndpointForm(props: {
  action: FormAction;
  labels: EndpointFormLabels;
  events: readonly string[];
  /** The endpoint being edited; none for a new one. */
  endpoint?: { id: string; url: string; description: string; events: readonly string[]; internal: boolean };
  urlMaxLength: number;
  descriptionMaxLength: number;
}) {
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const id = useId();
  const { labels, endpoint } = props;
  const failed = state.status === "error";
  const text = (name: "url" | "description") => (failed ? sentText(state, name) : (endpoint?.[name] ?? ""));
  // A new endpoint starts with every public event ticked: what most receivers want.
  const events = failed ? sentTexts(state, "events") : (endpoint?.events ?? props.events);
  const internal = failed ? sentText(state, "internal") === "on" : (endpoint?.internal ?? false);
  const fieldError = (name: string) => (failed ? state.fieldErrors[name] : undefined);
  return (
    <form action={formAction} noValidate aria-labelledby={`${id}-heading`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {labels.heading}
      </h2>
      {endpoint && <input type="hidden" name="endpointId" value={endpoint.id} />}
      {/* Afresh after each answer: empty after a new one is saved, the saved settings after an edit. */}
      <div key={state.submission} className="space-y-3">
        <TextField
          id={`${id}-url`}
          name="url"
          label={labels.url}
          hint={labels.urlHint}
          error={fieldError("url")}
          type="url"
          inputMode="url"
          autoComplete="off"
          maxLength={props.urlMaxLength}
          defaultValue={text("url")}
        />
        <TextField id={`${id}-description`} name="description" label={labels.description} error={fieldError("description")} maxLength={props.descriptionMaxLength} defaultValue={text("description")} />
        <fieldset aria-describedby={fieldError("events") ? `${id}-events-error` : undefined}>
          <legend className="text-sm font-medium">{labels.events}</legend>
          <div className="mt-1 space-y-1">
            {props.events.map((event) => (
              <label key={event} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="events" value={event} defaultChecked={events.includes(event)} className="h-4 w-4" />
                <span>
                  {labels.eventNames[event] ?? event} <code className="text-xs text-slate-600">{event}</code>
                </span>
              </label>
            ))}
          </div>
          <FieldError id={`${id}-events-error`} message={fieldError("events")} />
        </fieldset>
        <div>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" name="internal" defaultChecked={internal} aria-describedby={`${id}-internal-hint`} className="h-4 w-4" />
            {labels.internal}
          </label>
          <p id={`${id}-internal-hint`} className="mt-1 text-sm text-slate-700">
            {labels.internalHint}
          </p>
        </div>
      </div>
      <SubmitRow
        pending={pending}
        submit={labels.submit}
        submitting={labels.submitting}
        done={state.status === "done" ? state.message : ""}
        error={state.status === "error" ? state.message : ""}
      />
    </form>
  );
}
