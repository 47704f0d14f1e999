"use client";

import { useActionState } from "react";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/schemas/sign-in-limits";
import { formError, initialFormState, type FormAction } from "../form-state";
import { SubmitRow } from "../submit-row";

export interface ChangePasswordLabels {
  currentPassword: string;
  newPassword: string;
  newPasswordHint: string;
  confirmPassword: string;
  submit: string;
  submitting: string;
}

const FIELDS = ["currentPassword", "newPassword", "confirmPassword"] as const;

// Passwords are never sent back with the form's state, so after an error the fields start empty.
export function ChangePasswordForm(props: { action: FormAction; labels: ChangePasswordLabels }) {
  const { labels } = props;
  const [state, action, pending] = useActionState(props.action, initialFormState);
  const autoComplete = { currentPassword: "current-password", newPassword: "new-password", confirmPassword: "new-password" } as const;

  return (
    <form action={action} className="max-w-md space-y-4" key={state.submission}>
      {FIELDS.map((field) => {
        const error = state.fieldErrors[field];
        const hint = field === "newPassword" ? `${field}-hint` : undefined;
        return (
          <div key={field}>
            <label htmlFor={field} className="block text-sm font-medium">
              {labels[field]}
            </label>
            <input
              id={field}
              name={field}
              type="password"
              required
              minLength={field === "newPassword" ? MIN_PASSWORD_LENGTH : undefined}
              maxLength={MAX_PASSWORD_LENGTH}
              autoComplete={autoComplete[field]}
              aria-invalid={error ? true : undefined}
              aria-describedby={[hint, error ? `${field}-error` : undefined].filter(Boolean).join(" ") || undefined}
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
            />
            {hint && (
              <p id={hint} className="mt-1 text-xs text-slate-600">
                {labels.newPasswordHint}
              </p>
            )}
            {error && (
              <p id={`${field}-error`} className="mt-1 text-sm text-red-700">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <SubmitRow pending={pending} submit={labels.submit} submitting={labels.submitting} done="" error={formError(state) ?? ""} />
    </form>
  );
}
