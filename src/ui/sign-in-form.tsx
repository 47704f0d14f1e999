"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH, throttledSeconds } from "@/schemas/sign-in-limits";

export interface SignInFormLabels {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  /** The one message for every wrong email or password: it must not tell which was wrong. */
  failed: string;
  /** Too many attempts for this email or from this address, with a wait under a minute. Says nothing about the account. */
  throttledSeconds: string;
  /** The same with a longer wait; "{minutes}" stands for the minutes. */
  throttledMinutes: string;
  singleSignOn: string;
  singleSignOnFailed: string;
  /** The link to ask for a password reset by email. */
  forgotPassword: string;
}

// Strings arrive translated from the server, so no message catalogue ships to the browser.
export function SignInForm(props: { callbackPath: string; oidcEnabled: boolean; initialError: boolean; labels: SignInFormLabels }) {
  const { labels } = props;
  const router = useRouter();
  const [error, setError] = useState(props.initialError ? labels.singleSignOnFailed : "");
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError("");
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(failureMessage(result?.error ?? "", labels));
      return;
    }
    router.replace(props.callbackPath);
    router.refresh();
  }

  return (
    <>
      <form onSubmit={submit} className="mt-6 space-y-4" noValidate={false}>
        <div>
          <label htmlFor="email" className="block text-sm font-medium">
            {labels.email}
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            maxLength={MAX_EMAIL_LENGTH}
            required
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
          />
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium">
            {labels.password}
          </label>
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            maxLength={MAX_PASSWORD_LENGTH}
            required
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
          />
        </div>
        <p className="text-right text-sm">
          <Link href="/password-reset" className="text-indigo-700 underline hover:text-indigo-900">
            {labels.forgotPassword}
          </Link>
        </p>
        <p role="alert" className="min-h-5 text-sm text-red-700">
          {error}
        </p>
        <button
          type="submit"
          disabled={pending}
          className="w-full rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 disabled:opacity-60"
        >
          {pending ? labels.submitting : labels.submit}
        </button>
      </form>
      {props.oidcEnabled && (
        <button
          type="button"
          onClick={() => void signIn("oidc", { callbackUrl: props.callbackPath })}
          className="mt-3 w-full rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50"
        >
          {labels.singleSignOn}
        </button>
      )}
    </>
  );
}

function failureMessage(error: string, labels: SignInFormLabels): string {
  const wait = throttledSeconds(error);
  if (wait === null) return labels.failed;
  return wait < 60 ? labels.throttledSeconds : labels.throttledMinutes.replace("{minutes}", String(Math.ceil(wait / 60)));
}
