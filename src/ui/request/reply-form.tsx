"use client";

import { useActionState, useId, useRef } from "react";
import { MarkdownField, type ComposerLabels } from "@/ui/composer/markdown-field";
import { AttachmentPicker, useAttachmentList, type AttachmentPickerSetup } from "@/ui/attachments/attachment-picker";
import { useDraft } from "@/ui/draft";
import { initialFormState, sentText, type FormAction } from "@/ui/form-state";
import { SubmitRow } from "@/ui/submit-row";

export interface ReplyFormLabels {
  heading: string;
  label: string;
  hint: string;
  submit: string;
  submitting: string;
}

/**
 * The reply form. A plain form posting to a server action, so it works before (or without)
 * JavaScript; with it, errors and the sent message appear in place. After an error the field shows
 * the user's text again (React resets a form after its action), after sending it is empty.
 */
export function ReplyForm(props: {
  requestId: number;
  action: FormAction;
  /** Names this rendering's submission: sent twice, it adds one reply (src/server/submissions.ts). */
  submissionKey: string;
  /** The longest reply the server accepts. */
  maxLength: number;
  /** Names the writer and the request, to keep a draft under. */
  draftKey: string;
  labels: ReplyFormLabels;
  /** The Write / Preview tabs' texts (src/ui/composer/composer-labels.ts). */
  composer: ComposerLabels;
  /** The files sent with the reply: limits and texts. */
  attachments: AttachmentPickerSetup;
}) {
  const { labels } = props;
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const bodyError = state.fieldErrors.body;
  const form = useRef<HTMLFormElement>(null);
  const keepDraft = useDraft(props.draftKey, "body", form, state);
  const files = useAttachmentList(props.attachments, state);
  const filesError = state.fieldErrors.attachmentIds;
  const id = useId();
  const fieldId = `${id}-body`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <form ref={form} action={formAction} onInput={keepDraft} noValidate aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {labels.heading}
      </h2>
      <input type="hidden" name="requestId" value={props.requestId} />
      <input type="hidden" name="submissionKey" value={props.submissionKey} />
      <label htmlFor={fieldId} className="mt-3 block text-sm font-medium">
        {labels.label}
      </label>
      <p id={hintId} className="mt-1 text-xs text-slate-600">
        {labels.hint}
      </p>
      {/* Afresh after each answer: empty once sent, the sent text again after an error. */}
      <MarkdownField
        key={state.submission}
        labels={props.composer}
        textarea={{
          id: fieldId,
          name: "body",
          rows: 6,
          maxLength: props.maxLength,
          defaultValue: sentText(state, "body"),
          "aria-invalid": bodyError ? true : undefined,
          "aria-describedby": bodyError ? `${hintId} ${errorId}` : hintId,
          className:
            "block w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40 aria-[invalid=true]:border-red-700",
        }}
      />
      {/* Always in the page, so that screen readers announce the error when it appears. */}
      <p id={errorId} role="alert" className="mt-1 text-sm text-red-700 empty:hidden">
        {bodyError ?? ""}
      </p>
      <div className="mt-3">
        <AttachmentPicker list={files} setup={props.attachments} error={filesError} />
      </div>
      <SubmitRow
        pending={pending}
        submit={labels.submit}
        submitting={labels.submitting}
        done={state.status === "done" ? state.message : ""}
        error={state.status === "error" && !bodyError && !filesError ? state.message : ""}
        waiting={files.busy ? props.attachments.labels.busy : undefined}
      />
    </form>
  );
}
