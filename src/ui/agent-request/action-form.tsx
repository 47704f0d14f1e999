"use client";

import { createContext, useActionState, useContext, useId, useRef, useState, type ReactNode } from "react";
import { MarkdownField, type ComposerLabels } from "@/ui/composer/markdown-field";
import { AttachmentPicker, useAttachmentList, type AttachmentPickerSetup } from "@/ui/attachments/attachment-picker";
import { useDraft } from "@/ui/draft";
import { initialFormState, sentText, type FormAction, type FormState } from "@/ui/form-state";
import { SubmitRow } from "@/ui/submit-row";

// One agent action as a plain form posting to a server action, so it works without JavaScript; with
// it, the answer appears in place and the fields keep what the agent typed after an error.

const FormStateContext = createContext<FormState>(initialFormState);

export function ActionForm(props: {
  requestId: number;
  heading: string;
  /** Where a tab already names the form: the heading is for assistive technology only. */
  headingHidden?: boolean;
  /** A secondary action: folded away under its heading until the agent opens it. */
  folded?: boolean;
  submit: string;
  submitting: string;
  action: FormAction;
  /** Keep a draft of the form's `body` under this key (naming the writer, the request and the form). */
  draft?: string;
  /** For a form that adds something: names this rendering's submission, so that sent twice it adds one (src/server/submissions.ts). */
  submissionKey?: string;
  /** For a form whose message may carry files: their limits and texts. */
  attachments?: AttachmentPickerSetup;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const keepDraft = useDraft(props.draft ?? "", props.draft ? "body" : "", form, state);
  // Every action form has the hook; only those given `attachments` show the picker and send files.
  const files = useAttachmentList(props.attachments, state);
  const heading = (
    <h3 id={`${id}-heading`} className={props.headingHidden ? "sr-only" : props.folded ? "inline font-semibold" : "font-semibold"}>
      {props.heading}
    </h3>
  );
  const card = "rounded-xl border border-slate-200 bg-white shadow-sm";
  const formElement = (
    <form ref={form} action={formAction} onInput={keepDraft} noValidate aria-labelledby={`${id}-heading`} className={props.folded ? "px-4 pb-4" : `${card} p-4`}>
      {!props.folded && heading}
      <input type="hidden" name="requestId" value={props.requestId} />
      {props.submissionKey && <input type="hidden" name="submissionKey" value={props.submissionKey} />}
      <FormStateContext value={state}>
        <div key={state.submission} className="mt-2 space-y-3">
          {props.children}
        </div>
      </FormStateContext>
      {/* Outside the fields that start afresh after each answer: the files stay through a refusal. */}
      {props.attachments && (
        <div className="mt-3">
          <AttachmentPicker list={files} setup={props.attachments} error={state.fieldErrors.attachmentIds} />
        </div>
      )}
      <SubmitRow
        pending={pending}
        submit={props.submit}
        submitting={props.submitting}
        done={state.status === "done" ? state.message : ""}
        // A refusal of the files is said by the picker, beside them.
        error={state.status === "error" && !state.fieldErrors.attachmentIds ? state.message : ""}
        waiting={files.busy && props.attachments ? props.attachments.labels.busy : undefined}
      />
    </form>
  );
  if (!props.folded) return formElement;
  // Open stays as the agent left it through the page's refreshes: an answer shows where it was asked.
  return (
    <details className={card}>
      <summary className="cursor-pointer rounded-xl p-4 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">{heading}</summary>
      {formElement}
    </details>
  );
}

const fieldClass =
  "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40";

/** A text field that shows the agent's text again after an error; a message with `markdown` gets Write / Preview tabs. */
export function KeptField(props: {
  name: string;
  label: string;
  multiline?: boolean;
  markdown?: ComposerLabels;
  type?: "text" | "date";
  defaultValue?: string;
  maxLength?: number;
}) {
  const state = useContext(FormStateContext);
  const id = useId();
  const value = state.status === "error" ? sentText(state, props.name) : (props.defaultValue ?? "");
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
      </label>
      {props.multiline && props.markdown ? (
        <MarkdownField labels={props.markdown} textarea={{ id, name: props.name, rows: 4, maxLength: props.maxLength, defaultValue: value, className: fieldClass }} />
      ) : props.multiline ? (
        <textarea id={id} name={props.name} rows={4} maxLength={props.maxLength} defaultValue={value} className={fieldClass} />
      ) : (
        <input id={id} name={props.name} type={props.type ?? "text"} maxLength={props.maxLength} defaultValue={value} className={fieldClass} />
      )}
    </div>
  );
}

/** A choice that shows the agent's choice again after an error. */
export function KeptSelect(props: { name: string; label: string; options: ReadonlyArray<{ value: string; label: string }>; defaultValue?: string }) {
  const state = useContext(FormStateContext);
  const id = useId();
  const value = state.status === "error" ? sentText(state, props.name) : props.defaultValue;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {props.label}
      </label>
      <select id={id} name={props.name} defaultValue={value} className={fieldClass}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A choice whose answer brings fields of its own (a hold reason "other" its text, a status after the
 * reply its reason): only the chosen option's fields are shown, and sent.
 */
export function ChoiceWithFields(props: {
  name: string;
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  defaultValue: string;
  fieldsFor: Partial<Record<string, ReactNode>>;
}) {
  const state = useContext(FormStateContext);
  const id = useId();
  const [chosen, choose] = useState(() => (state.status === "error" ? sentText(state, props.name) || props.defaultValue : props.defaultValue));
  const fields = props.fieldsFor[chosen];
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {props.label}
        </label>
        <select id={id} name={props.name} value={chosen} onChange={(event) => choose(event.target.value)} className={fieldClass}>
          {props.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {fields && <div className="space-y-3 border-l-2 border-slate-200 pl-3">{fields}</div>}
    </div>
  );
}
