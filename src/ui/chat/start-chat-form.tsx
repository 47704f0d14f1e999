"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { FieldError, inputClass, OrganizationField } from "@/ui/form-fields";
import { formError, initialFormState, sentText, type FormAction } from "@/ui/form-state";

export interface StartChatFormLabels {
  message: string;
  required: string;
  organization: string;
  organizationChoose: string;
  submit: string;
  submitting: string;
  cancel: string;
  errorSummary: string;
}

interface StartChatFormProps {
  action: FormAction;
  /** Names this rendering's submission: sent twice, it starts one chat (src/server/submissions.ts). */
  submissionKey: string;
  /** About this request; a new topic without. */
  requestId?: number;
  /** A customer of several organizations says which one a new topic is for. */
  organizations: { id: string; name: string }[];
  maxLength: number;
  /** Where Cancel goes. */
  back: string;
  /** Said before the reader types: whether someone is there to chat, or the message will be left. */
  describedBy: string;
  labels: StartChatFormLabels;
}


// The first message of a chat, posted to a server action: with an agent available it starts the
// chat, else it is left on the request. A refused message comes back in the box, as written.
export function StartChatForm({ action, submissionKey, requestId, organizations, maxLength, back, describedBy, labels }: StartChatFormProps) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const errors = state.fieldErrors;
  const summary = useRef<HTMLDivElement>(null);
  const chooseOrganization = requestId === undefined && organizations.length > 1;

  useEffect(() => {
    if (state.status === "error") summary.current?.focus();
  }, [state.status, state.submission]);

  const described = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;

  return (
    // Re-mounted on each refused submission so that every field shows exactly what was sent.
    <form key={state.submission} action={formAction} noValidate className="mt-6 space-y-6">
      {state.status === "error" && (
        <div
          ref={summary}
          tabIndex={-1}
          role="alert"
          className="rounded-md border border-red-700 bg-red-50 p-4 text-sm text-red-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-700"
        >
          <p className="font-medium">{labels.errorSummary}</p>
          {formError(state) && <p className="mt-1">{formError(state)}</p>}
          {errors.submissionKey && <p className="mt-1">{errors.submissionKey}</p>}
          {errors.requestId && <p className="mt-1">{errors.requestId}</p>}
        </div>
      )}
      <input type="hidden" name="submissionKey" value={submissionKey} />
      {requestId !== undefined && <input type="hidden" name="requestId" value={requestId} />}

      {chooseOrganization && (
        <OrganizationField organizations={organizations} defaultValue={sentText(state, "organizationId")} error={errors.organizationId} labels={labels} />
      )}

      <div>
        <label htmlFor="message" className="block font-medium">
          {labels.message} <span className="text-sm font-normal text-slate-600">({labels.required})</span>
        </label>
        <textarea
          id="message"
          name="message"
          rows={6}
          maxLength={maxLength}
          defaultValue={sentText(state, "message")}
          aria-required="true"
          aria-invalid={errors.message ? true : undefined}
          aria-describedby={described(describedBy, errors.message !== undefined && "message-error")}
          className={`${inputClass} whitespace-pre-wrap`}
        />
        <FieldError id="message-error" message={errors.message} />
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending} className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
          {pending ? labels.submitting : labels.submit}
        </button>
        <Link href={back} className="text-sm font-medium text-indigo-700 hover:underline">
          {labels.cancel}
        </Link>
      </div>
    </form>
  );
}
