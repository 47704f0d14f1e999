"use client";

import { useActionState, useEffect, useRef } from "react";
import { formError, initialFormState, sentText, type FormAction } from "@/ui/form-state";

export interface RequestAccessFormLabels {
  approver: string;
  approverChoose: string;
  note: string;
  noteHint: string;
  submit: string;
  submitting: string;
}

interface RequestAccessFormProps {
  action: FormAction;
  organizationId: string;
  /** An admin names one of these; null for a technical contact, who needs no approver. */
  technicalContacts: { id: string; name: string; email: string }[] | null;
  noteMaxLength: number;
  labels: RequestAccessFormLabels;
}

const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 aria-[invalid=true]:border-red-700";

// A plain form posting to a server action, so it works without JavaScript. Strings arrive translated.
export function RequestAccessForm({ action, organizationId, technicalContacts, noteMaxLength, labels }: RequestAccessFormProps) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const errors = state.fieldErrors;
  const refusal = formError(state);
  const alert = useRef<HTMLParagraphElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const idPrefix = `access-${organizationId}`;

  // After a refused submission, take the reader to what went wrong.
  useEffect(() => {
    if (state.status !== "error") return;
    (alert.current ?? form.current?.querySelector<HTMLElement>('[aria-invalid="true"]'))?.focus();
  }, [state.status, state.submission]);

  const described = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;

  return (
    <form ref={form} key={state.submission} action={formAction} noValidate className="mt-3 space-y-4">
      <input type="hidden" name="organizationId" value={organizationId} />
      {refusal && (
        <p ref={alert} tabIndex={-1} role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-sm text-red-800 focus:outline-none">
          {refusal}
        </p>
      )}
      {technicalContacts && (
        <div>
          <label htmlFor={`${idPrefix}-approver`} className="block font-medium">
            {labels.approver}
          </label>
          <select
            id={`${idPrefix}-approver`}
            name="approverId"
            defaultValue={sentText(state, "approverId")}
            aria-required="true"
            aria-invalid={errors.approverId ? true : undefined}
            aria-describedby={described(errors.approverId !== undefined && `${idPrefix}-approver-error`)}
            className={inputClass}
          >
            <option value="">{labels.approverChoose}</option>
            {technicalContacts.map((contact) => (
              <option key={contact.id} value={contact.id}>
                {contact.name} ({contact.email})
              </option>
            ))}
          </select>
          {errors.approverId && (
            <p id={`${idPrefix}-approver-error`} className="mt-1 text-sm font-medium text-red-700">
              {errors.approverId}
            </p>
          )}
        </div>
      )}
      <div>
        <label htmlFor={`${idPrefix}-note`} className="block font-medium">
          {labels.note}
        </label>
        <p id={`${idPrefix}-note-hint`} className="mt-1 text-sm text-slate-600">
          {labels.noteHint}
        </p>
        <textarea
          id={`${idPrefix}-note`}
          name="note"
          rows={3}
          maxLength={noteMaxLength}
          defaultValue={sentText(state, "note")}
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={described(`${idPrefix}-note-hint`, errors.note !== undefined && `${idPrefix}-note-error`)}
          className={inputClass}
        />
        {errors.note && (
          <p id={`${idPrefix}-note-error`} className="mt-1 text-sm font-medium text-red-700">
            {errors.note}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
        {pending ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}
