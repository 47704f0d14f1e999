import type { FormState } from "@/server/entry/form-state";

// The state every form keeps between its server action's answers (useActionState); the answers
// arrive translated (src/server/entry/form-state.ts).

export type { FormState };

export type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export const initialFormState: FormState = { status: "idle", message: "", fieldErrors: {}, values: {}, submission: 0 };

/** What the user sent in a field, to show again after an error; "" otherwise. */
export function sentText(state: FormState, name: string): string {
  const value = state.status === "error" ? state.values[name] : undefined;
  return typeof value === "string" ? value : (value?.[0] ?? "");
}

/** Every value sent for a field that may repeat (checkboxes). */
export function sentTexts(state: FormState, name: string): string[] {
  const value = state.status === "error" ? state.values[name] : undefined;
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

/** The error for the whole form, when no single field is to blame. */
export function formError(state: FormState): string | null {
  return state.status === "error" && Object.keys(state.fieldErrors).length === 0 ? state.message : null;
}
