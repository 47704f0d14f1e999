"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { MarkdownField, type ComposerLabels } from "@/ui/composer/markdown-field";
import { forgetDraft, useDraft } from "@/ui/draft";
import { AttachmentPicker, useAttachmentList, type AttachmentPickerSetup } from "@/ui/attachments/attachment-picker";
import { FieldError, inputClass, OrganizationField } from "@/ui/form-fields";
import { formError, initialFormState, sentText, sentTexts, type FormAction } from "@/ui/form-state";

export interface NewRequestFormLabels {
  required: string;
  organization: string;
  organizationChoose: string;
  subject: string;
  description: string;
  descriptionHint: string;
  priority: string;
  priorityHint: string;
  ccs: string;
  ccsHint: string;
  noColleagues: string;
  submit: string;
  submitting: string;
  cancel: string;
  errorSummary: string;
}

export interface PriorityOption {
  code: string;
  label: string;
  definition: string;
}

export interface OrganizationOption {
  id: string;
  name: string;
  ccCandidates: { id: string; name: string; email: string }[];
}

interface NewRequestFormProps {
  action: FormAction;
  /** Names this rendering's submission: sent twice, it opens one request (src/server/submissions.ts). */
  submissionKey: string;
  priorities: PriorityOption[];
  organizations: OrganizationOption[];
  /** Longest subject and description the server accepts. */
  limits: { subject: number; description: number };
  labels: NewRequestFormLabels;
  /** The description's Write / Preview tabs' texts (src/ui/composer/composer-labels.ts). */
  composer: ComposerLabels;
  /** Names the writer, to keep the description's draft under. */
  draftKey: string;
  /** The files sent with the description: limits and texts. */
  attachments: AttachmentPickerSetup;
}


// A plain form posting to a server action: it works before (or without) JavaScript, and with it the
// action's answer arrives without a page load. Strings arrive translated from the server.
export function NewRequestForm({ action, submissionKey, priorities, organizations, limits, labels, composer, draftKey, attachments }: NewRequestFormProps) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  // Sent, the request's page follows (no answer comes back): the draft is forgotten on sending, and
  // kept again if the request is refused.
  const keepDraft = useDraft(draftKey, "description", form, state);
  // Kept here, above the form that is re-mounted after each refusal: the files stay with the text.
  const files = useAttachmentList(attachments, state);
  const errors = state.fieldErrors;
  const summary = useRef<HTMLDivElement>(null);
  const refused = state.status === "error";
  const sent = (name: string) => sentText(state, name);

  // After a refused submission, take the reader to what went wrong.
  useEffect(() => {
    if (state.status === "error") summary.current?.focus();
  }, [state.status, state.submission]);

  const described = (...ids: (string | false)[]) => ids.filter(Boolean).join(" ") || undefined;
  const chooseOrganization = organizations.length > 1;

  return (
    // Re-mounted on each refused submission so that every field shows exactly what was sent.
    <form ref={form} key={state.submission} action={formAction} onInput={keepDraft} onSubmit={() => forgetDraft(draftKey)} noValidate className="mt-6 space-y-6">
      {refused && (
        <div ref={summary} tabIndex={-1} role="alert" className="rounded-md border border-red-700 bg-red-50 p-4 text-sm text-red-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-red-700">
          <p className="font-medium">{labels.errorSummary}</p>
          {formError(state) && <p className="mt-1">{formError(state)}</p>}
          {/* The key is no field the reader sees: its error (a form from an older page) is said here. */}
          {errors.submissionKey && <p className="mt-1">{errors.submissionKey}</p>}
        </div>
      )}
      <input type="hidden" name="submissionKey" value={submissionKey} />

      {chooseOrganization && (
        <OrganizationField organizations={organizations} defaultValue={sent("organizationId")} error={errors.organizationId} labels={labels} />
      )}

      <div>
        <label htmlFor="subject" className="block font-medium">
          {labels.subject} <span className="text-sm font-normal text-slate-600">({labels.required})</span>
        </label>
        <input
          id="subject"
          name="subject"
          type="text"
          maxLength={limits.subject}
          defaultValue={sent("subject")}
          aria-required="true"
          aria-invalid={errors.subject ? true : undefined}
          aria-describedby={described(errors.subject !== undefined && "subject-error")}
          className={inputClass}
        />
        <FieldError id="subject-error" message={errors.subject} />
      </div>

      <div>
        <label htmlFor="description" className="block font-medium">
          {labels.description} <span className="text-sm font-normal text-slate-600">({labels.required})</span>
        </label>
        <p id="description-hint" className="mt-1 text-sm text-slate-600">
          {labels.descriptionHint}
        </p>
        <MarkdownField
          labels={composer}
          textarea={{
            id: "description",
            name: "description",
            rows: 10,
            maxLength: limits.description,
            defaultValue: sent("description"),
            "aria-required": "true",
            "aria-invalid": errors.description ? true : undefined,
            "aria-describedby": described("description-hint", errors.description !== undefined && "description-error"),
            className: inputClass,
          }}
        />
        <FieldError id="description-error" message={errors.description} />
        <div className="mt-3">
          <AttachmentPicker list={files} setup={attachments} error={errors.attachmentIds} />
        </div>
      </div>

      <fieldset aria-describedby={described("priority-hint", errors.priority !== undefined && "priority-error")}>
        <legend className="font-medium">
          {labels.priority} <span className="text-sm font-normal text-slate-600">({labels.required})</span>
        </legend>
        <p id="priority-hint" className="mt-1 text-sm text-slate-600">
          {labels.priorityHint}
        </p>
        <FieldError id="priority-error" message={errors.priority} />
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {priorities.map((priority) => (
            <div key={priority.code} className="flex gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-indigo-600 has-[:checked]:bg-indigo-50">
              <input
                id={`priority-${priority.code}`}
                name="priority"
                type="radio"
                value={priority.code}
                defaultChecked={sent("priority") === priority.code}
                aria-describedby={`priority-${priority.code}-definition`}
                className="mt-1 h-4 w-4 accent-indigo-700"
              />
              <div>
                <label htmlFor={`priority-${priority.code}`} className="font-medium">
                  {priority.label}
                </label>
                <p id={`priority-${priority.code}-definition`} className="text-sm text-slate-700">
                  {priority.definition}
                </p>
              </div>
            </div>
          ))}
        </div>
      </fieldset>

      <fieldset aria-describedby={described("ccs-hint", errors.ccUserIds !== undefined && "ccs-error")}>
        <legend className="font-medium">{labels.ccs}</legend>
        <p id="ccs-hint" className="mt-1 text-sm text-slate-600">
          {labels.ccsHint}
        </p>
        <FieldError id="ccs-error" message={errors.ccUserIds} />
        {organizations.map((organization) => (
          <div key={organization.id} className="mt-2">
            {chooseOrganization && <p className="text-sm font-medium text-slate-700">{organization.name}</p>}
            {organization.ccCandidates.length === 0 ? (
              <p className="text-sm text-slate-600">{labels.noColleagues}</p>
            ) : (
              <ul className="grid gap-1 sm:grid-cols-2">
                {organization.ccCandidates.map((candidate) => (
                  <li key={candidate.id} className="flex items-start gap-2">
                    <input
                      id={`cc-${organization.id}-${candidate.id}`}
                      name="ccUserIds"
                      type="checkbox"
                      value={candidate.id}
                      defaultChecked={sentTexts(state, "ccUserIds").includes(candidate.id)}
                      className="mt-1 h-4 w-4 accent-indigo-700"
                    />
                    <label htmlFor={`cc-${organization.id}-${candidate.id}`} className="text-sm">
                      {candidate.name} <span className="text-slate-600">{candidate.email}</span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
          </div>
        ))}
      </fieldset>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" disabled={pending || files.busy} aria-describedby={files.busy ? "attachments-waiting" : undefined} className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
          {pending ? labels.submitting : labels.submit}
        </button>
        <Link href="/requests" className="text-sm font-medium text-indigo-700 hover:underline">
          {labels.cancel}
        </Link>
        {files.busy && (
          <p id="attachments-waiting" className="text-sm text-slate-700">
            {attachments.labels.busy}
          </p>
        )}
      </div>
    </form>
  );
}
