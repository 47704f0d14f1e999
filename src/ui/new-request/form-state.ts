import type { NewRequestField } from "@/schemas/new-request";

/** What the new-request form shows after a refused submission: the user's input, and why it was refused. */
export interface NewRequestFormState {
  values: {
    organizationId: string;
    subject: string;
    description: string;
    priority: string;
    ccUserIds: string[];
  };
  /** Messages in the user's language, by field. */
  fieldErrors: Partial<Record<NewRequestField, string>>;
  formError: string | null;
  /** Counts refused submissions: each one re-renders the fields with what was sent. */
  attempt: number;
}

export const EMPTY_NEW_REQUEST_FORM: NewRequestFormState = {
  values: { organizationId: "", subject: "", description: "", priority: "", ccUserIds: [] },
  fieldErrors: {},
  formError: null,
  attempt: 0,
};
