/** The access-request form after a refused submission: the user's input and why it was refused, translated. */
export interface AccessRequestFormState {
  values: { approverId: string; note: string };
  fieldErrors: { approverId?: string; note?: string };
  formError: string | null;
  /** Counts refused submissions: each one re-renders the fields with what was sent. */
  attempt: number;
}

export const EMPTY_ACCESS_REQUEST_FORM: AccessRequestFormState = { values: { approverId: "", note: "" }, fieldErrors: {}, formError: null, attempt: 0 };

/** An approve/decline form after a refused decision. */
export interface AccessDecisionFormState {
  error: string | null;
}

export const EMPTY_ACCESS_DECISION_FORM: AccessDecisionFormState = { error: null };
