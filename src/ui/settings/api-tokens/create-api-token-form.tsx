"use client";

import { useActionState, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { API_TOKEN_ACCESS, API_TOKEN_EXPIRIES, type ApiTokenAccess, type ApiTokenExpiry } from "@/schemas/api-tokens";
import { FieldError, inputClass, TextField } from "@/ui/form-fields";
import { initialFormState, sentText, type FormAction } from "@/ui/form-state";
import { focusRing } from "@/ui/styles";

// Making a personal API token. When it went through, the form's answer carries the token itself (the
// action's "done" sentence): it is shown here once, in a field to copy from, and nowhere else — the
// page never has it again. After a refusal the fields show what was sent, the reason beside the
// field to blame. The page has one status line (the list's notice), so this form says what went
// wrong in an alert and, when it went through, moves the focus to the new token.

export interface CreateApiTokenLabels {
  heading: string;
  name: string;
  nameHint: string;
  access: string;
  accessChoices: Record<ApiTokenAccess, { label: string; hint: string }>;
  expiry: string;
  expiryChoices: Record<ApiTokenExpiry, string>;
  expiresOn: string;
  expiresOnHint: string;
  submit: string;
  submitting: string;
  created: { heading: string; token: string; warning: string; copy: string; copied: string };
}

const noSubscription = () => () => {};

export function CreateApiTokenForm(props: {
  action: FormAction;
  labels: CreateApiTokenLabels;
  nameMaxLength: number;
  /** The zone the page shows dates in: the chosen day ends at its midnight. */
  timeZone: string;
  /** The first and last day a token may end on, as the viewer's calendar reads today. */
  expiresOnBounds: { min: string; max: string };
}) {
  const { labels } = props;
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const id = useId();
  const token = state.status === "done" ? state.message : null;
  const tokenField = useRef<HTMLInputElement>(null);
  const dateChoice = useRef<HTMLInputElement>(null);
  // Copying needs the script; without it the field is there to select.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);

  useEffect(() => {
    if (state.status !== "done") return;
    tokenField.current?.focus();
    tokenField.current?.select();
  }, [state.status, state.submission]);

  const sent = (name: string, fallback: string) => (state.status === "error" ? sentText(state, name) || fallback : fallback);
  const fieldError = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  const describedBy = (name: string, ...more: string[]) => [...more, fieldError(name) ? `${id}-${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  const access = sent("access", "read");
  const expiry = sent("expiry", "30");

  return (
    <section aria-labelledby={`${id}-heading`} className="max-w-2xl space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {labels.heading}
      </h2>
      {token && (
        <div className="space-y-2 rounded-md border border-amber-700 bg-amber-50 p-3">
          <h3 className="font-semibold text-amber-950">{labels.created.heading}</h3>
          <label htmlFor={`${id}-token`} className="block text-sm font-medium text-amber-950">
            {labels.created.token}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              ref={tokenField}
              id={`${id}-token`}
              readOnly
              value={token}
              aria-describedby={`${id}-token-warning`}
              spellCheck={false}
              autoComplete="off"
              className="block min-w-0 flex-1 rounded-md border border-slate-400 bg-white px-3 py-2 font-mono text-sm"
            />
            {scripted && <CopyButton key={token} text={token} labels={labels.created} />}
          </div>
          <p id={`${id}-token-warning`} className="text-sm font-medium text-amber-950">
            {labels.created.warning}
          </p>
        </div>
      )}
      <form action={formAction} noValidate className="space-y-4">
        {/* Afresh after each answer: empty after a new token, what was sent after a refusal. */}
        <div key={state.submission} className="space-y-4">
          <input type="hidden" name="timeZone" value={props.timeZone} />
          <TextField id={`${id}-name`} name="name" label={labels.name} hint={labels.nameHint} error={fieldError("name")} maxLength={props.nameMaxLength} defaultValue={sent("name", "")} autoComplete="off" />
          <fieldset aria-describedby={describedBy("access")}>
            <legend className="text-sm font-medium">{labels.access}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-2">
              {API_TOKEN_ACCESS.map((choice) => (
                <div key={choice} className="flex gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
                  <input
                    id={`${id}-access-${choice}`}
                    name="access"
                    type="radio"
                    value={choice}
                    defaultChecked={access === choice}
                    aria-describedby={`${id}-access-${choice}-hint`}
                    className="mt-1 h-4 w-4 accent-indigo-700"
                  />
                  <div>
                    <label htmlFor={`${id}-access-${choice}`} className="font-medium">
                      {labels.accessChoices[choice].label}
                    </label>
                    <p id={`${id}-access-${choice}-hint`} className="text-sm text-slate-700">
                      {labels.accessChoices[choice].hint}
                    </p>
                  </div>
                </div>
              ))}
            </div>
            <FieldError id={`${id}-access-error`} message={fieldError("access")} />
          </fieldset>
          <fieldset aria-describedby={describedBy("expiry")}>
            <legend className="text-sm font-medium">{labels.expiry}</legend>
            <div className="mt-2 space-y-1">
              {API_TOKEN_EXPIRIES.map((choice) => (
                <label key={choice} className="flex items-center gap-2 text-sm">
                  <input
                    ref={choice === "date" ? dateChoice : undefined}
                    type="radio"
                    name="expiry"
                    value={choice}
                    defaultChecked={expiry === choice}
                    className="h-4 w-4 accent-indigo-600"
                  />
                  {labels.expiryChoices[choice]}
                </label>
              ))}
            </div>
            <FieldError id={`${id}-expiry-error`} message={fieldError("expiry")} />
            <div className="mt-3 max-w-xs">
              <label htmlFor={`${id}-expiresOn`} className="block text-sm font-medium">
                {labels.expiresOn}
              </label>
              <input
                id={`${id}-expiresOn`}
                name="expiresOn"
                type="date"
                min={props.expiresOnBounds.min}
                max={props.expiresOnBounds.max}
                defaultValue={sent("expiresOn", "")}
                // Picking a day means choosing "on a date"; without the script the radio says so.
                onChange={() => {
                  if (dateChoice.current) dateChoice.current.checked = true;
                }}
                aria-invalid={fieldError("expiresOn") ? true : undefined}
                aria-describedby={describedBy("expiresOn", `${id}-expiresOn-hint`)}
                className={inputClass}
              />
              <p id={`${id}-expiresOn-hint`} className="mt-1 text-sm text-slate-700">
                {labels.expiresOnHint}
              </p>
              <FieldError id={`${id}-expiresOn-error`} message={fieldError("expiresOn")} />
            </div>
          </fieldset>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className={`rounded-md bg-indigo-700 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-800 disabled:opacity-60 ${focusRing}`}
          >
            {pending ? labels.submitting : labels.submit}
          </button>
          <p role="alert" className="text-sm text-red-700">
            {state.status === "error" ? state.message : ""}
          </p>
        </div>
      </form>
    </section>
  );
}

function CopyButton(props: { text: string; labels: { copy: string; copied: string } }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      onClick={() => {
        void navigator.clipboard?.writeText(props.text).then(() => setCopied(true));
      }}
      className={`rounded-md border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50 ${focusRing}`}
    >
      {copied ? props.labels.copied : props.labels.copy}
    </button>
  );
}
