"use client";

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/schemas/sign-in-limits";
import { Submit } from "./request-form";

export interface NewPasswordLabels {
  newPassword: string;
  newPasswordHint: string;
  confirmPassword: string;
  submit: string;
  submitting: string;
}

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30";

/** The new password, twice; the link's token goes along hidden. Passwords are never sent back: after an error the fields start empty. */
export function NewPasswordForm(props: { action: (formData: FormData) => Promise<void>; token: string; error: string; labels: NewPasswordLabels }) {
  const { labels } = props;
  return (
    <form action={props.action} className="mt-6 space-y-4">
      <input type="hidden" name="token" value={props.token} />
      <div>
        <label htmlFor="newPassword" className="block text-sm font-medium">
          {labels.newPassword}
        </label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          maxLength={MAX_PASSWORD_LENGTH}
          aria-describedby="newPassword-hint"
          className={INPUT}
        />
        <p id="newPassword-hint" className="mt-1 text-xs text-slate-600">
          {labels.newPasswordHint}
        </p>
      </div>
      <div>
        <label htmlFor="confirmPassword" className="block text-sm font-medium">
          {labels.confirmPassword}
        </label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required maxLength={MAX_PASSWORD_LENGTH} className={INPUT} />
      </div>
      <p role="alert" className="min-h-5 text-sm text-red-700">
        {props.error}
      </p>
      <Submit submit={labels.submit} submitting={labels.submitting} />
    </form>
  );
}
