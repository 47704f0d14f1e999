"use client";

import { useActionState, useId } from "react";
import { TextField } from "@/ui/form-fields";
import { initialFormState, sentText, type FormAction } from "@/ui/form-state";
import { SubmitRow } from "@/ui/submit-row";

// A saved reply's title and text, to create one or edit it. After a refusal the fields show what the
// agent sent, with the reason beside the field to blame.

export interface SavedReplyFormLabels {
  heading: string;
  title: string;
  body: string;
  bodyHint: string;
  submit: string;
  submitting: string;
}

export function SavedReplyForm(props: {
  action: FormAction;
  labels: SavedReplyFormLabels;
  /** The saved reply being edited; none for a new one. */
  savedReply?: { id: string; title: string; body: string };
  titleMaxLength: number;
  bodyMaxLength: number;
}) {
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const id = useId();
  const { labels } = props;
  const value = (name: "title" | "body") => (state.status === "error" ? sentText(state, name) : (props.savedReply?.[name] ?? ""));
  const fieldError = (name: string) => (state.status === "error" ? state.fieldErrors[name] : undefined);
  return (
    <form action={formAction} noValidate aria-labelledby={`${id}-heading`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {labels.heading}
      </h2>
      {props.savedReply && <input type="hidden" name="savedReplyId" value={props.savedReply.id} />}
      {/* Afresh after each answer: empty after a new one is saved, the saved text after an edit. */}
      <div key={state.submission} className="space-y-3">
        <TextField id={`${id}-title`} name="title" label={labels.title} error={fieldError("title")} maxLength={props.titleMaxLength} defaultValue={value("title")} />
        <TextField
          id={`${id}-body`}
          name="body"
          label={labels.body}
          hint={labels.bodyHint}
          error={fieldError("body")}
          multiline
          rows={8}
          maxLength={props.bodyMaxLength}
          defaultValue={value("body")}
        />
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
