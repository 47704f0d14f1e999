// What the request page's server actions answer to their forms (useActionState). Messages arrive
// translated; `submission` changes on every answer so the form can start its fields afresh.

export interface ReplyFormState {
  status: "idle" | "sent" | "error";
  message: string;
  /** The error under the text field, when the text itself is wrong. */
  bodyError: string | null;
  /** The text to show in the field: the user's own after an error, empty after sending. */
  body: string;
  submission: number;
}

export const initialReplyFormState: ReplyFormState = { status: "idle", message: "", bodyError: null, body: "", submission: 0 };

export interface CcFormState {
  status: "idle" | "done" | "error";
  message: string;
  submission: number;
}

export const initialCcFormState: CcFormState = { status: "idle", message: "", submission: 0 };
