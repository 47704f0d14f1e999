"use client";

import { useFormStatus } from "react-dom";
import { MAX_EMAIL_LENGTH } from "@/schemas/sign-in-limits";

export interface RequestResetLabels {
  email: string;
  submit: string;
  submitting: string;
}

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30";

/** The email to send a reset link to; a plain form, so it works before (or without) JavaScript. */
export function RequestResetForm(props: { action: (formData: FormData) => Promise<void>; error: string; labels: RequestResetLabels }) {
  return (
    <form action={props.action} className="mt-6 space-y-4">
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {props.labels.email}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" maxLength={MAX_EMAIL_LENGTH} required aria-invalid={props.error ? true : undefined} className={INPUT} />
      </div>
      <p role="alert" className="min-h-5 text-sm text-red-700">
        {props.error}
      </p>
      <Submit submit={props.labels.submit} submitting={props.labels.submitting} />
    </form>
  );
}

export function Submit(props: { submit: string; submitting: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className="w-full rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60">
      {pending ? props.submitting : props.submit}
    </button>
  );
}
