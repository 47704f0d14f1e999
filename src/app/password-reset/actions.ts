"use server";

import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { readMailConfig, readSessionConfig } from "@/config/env";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/locales";
import type { PasswordResetError } from "@/schemas/password-reset";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { visitorPost } from "@/server/entry/actions";
import type { Outcome } from "@/server/outcome";
import { requestPasswordReset } from "@/server/people/request-password-reset";
import { resetPassword } from "@/server/people/reset-password";
import { requestClient } from "@/server/security/request-client";

// Forms for visitors (signed in or not): each answers by moving on to a page that says what happened,
// so they work without JavaScript. Nothing typed is put in those URLs.

/** Asking for a link: the same page follows whether or not the email has an account. */
export const requestPasswordResetAction = visitorPost(async (_viewer, formData) => {
  const [client, locale] = await Promise.all([requestClient(readSessionConfig()), getLocale()]);
  const visitor = { now: getClock().now(), client, locale: isLocale(locale) ? locale : DEFAULT_LOCALE, mail: readMailConfig() };
  const outcome = await requestPasswordReset(getDatabase(), visitor, { email: formData.get("email") });
  const error: PasswordResetError | null = outcome.ok ? null : outcome.reason === "refused" ? "throttled" : "invalid_email";
  redirect(error ? `/password-reset?error=${error}` : "/password-reset?sent=1");
});

/** Setting the new password: on to sign in with it, or back to the link's page with what went wrong. */
export const resetPasswordAction = visitorPost(async (_viewer, formData) => {
  const token = String(formData.get("token") ?? "");
  const client = await requestClient(readSessionConfig());
  const outcome = await resetPassword(getDatabase(), { now: getClock().now(), client }, { token, newPassword: formData.get("newPassword"), confirmPassword: formData.get("confirmPassword") });
  if (outcome.ok) redirect("/signin?notice=password_reset");
  redirect(`/password-reset/${encodeURIComponent(token)}?error=${errorOf(outcome)}`);
});

function errorOf(outcome: Exclude<Outcome, { ok: true }>): PasswordResetError {
  switch (outcome.reason) {
    case "invalid": {
      const codes = Object.values(outcome.fieldErrors);
      return codes.includes("too_short") ? "too_short" : codes.includes("mismatch") ? "mismatch" : "required";
    }
    case "refused":
      return "throttled";
    default:
      return "invalid_link";
  }
}
