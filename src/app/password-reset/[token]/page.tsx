import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { readSessionConfig } from "@/config/env";
import { choiceParam } from "@/schemas/list-params";
import { MIN_PASSWORD_LENGTH } from "@/schemas/sign-in-limits";
import { PASSWORD_RESET_ERRORS } from "@/schemas/password-reset";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { PASSWORD_RESET_MINUTES } from "@/server/people/request-password-reset";
import { checkPasswordResetLink } from "@/server/people/reset-password";
import { requestClient } from "@/server/security/request-client";
import { NewPasswordForm } from "@/ui/password-reset/new-password-form";
import { resetPasswordAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset.reset");
  // The token is in this page's URL: no other site may see it in a Referer.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false } };
}

/**
 * A reset link from the mail. Opening it checks the token (throttled like a password) and changes
 * nothing; unknown, expired, used and retired links all get the same page.
 */
export default async function ResetPasswordPage(props: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ token }, params] = await Promise.all([props.params, props.searchParams]);
  const t = await getTranslations("passwordReset");
  const error = choiceParam(PASSWORD_RESET_ERRORS).parse(params.error);
  // Sent back here by a refused post, the link was checked already.
  const check = error === "invalid_link" ? null : await checkPasswordResetLink(getDatabase(), { now: getClock().now(), client: await requestClient(readSessionConfig()) }, { token });
  const throttled = check !== null && !check.ok && check.reason === "refused";

  return (
    <div className="mx-auto mt-8 max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {check?.ok ? (
          <>
            <h1 className="text-2xl font-semibold">{t("reset.title")}</h1>
            <p className="mt-1 text-sm text-slate-600">{t("reset.intro")}</p>
            <NewPasswordForm
              action={resetPasswordAction}
              token={token}
              error={error ? t(`errors.${error}`, { min: MIN_PASSWORD_LENGTH }) : ""}
              labels={{
                newPassword: t("reset.newPassword"),
                newPasswordHint: t("reset.newPasswordHint", { min: MIN_PASSWORD_LENGTH }),
                confirmPassword: t("reset.confirmPassword"),
                submit: t("reset.submit"),
                submitting: t("reset.submitting"),
              }}
            />
          </>
        ) : throttled ? (
          <>
            <h1 className="text-2xl font-semibold">{t("reset.title")}</h1>
            <p role="alert" className="mt-4 text-sm text-red-700">
              {t("errors.throttled")}
            </p>
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold">{t("invalidLink.title")}</h1>
            <p className="mt-2 text-sm text-slate-700">{t("invalidLink.body", { minutes: PASSWORD_RESET_MINUTES })}</p>
            <p className="mt-4 text-sm">
              <Link href="/password-reset" className="text-indigo-700 underline hover:text-indigo-900">
                {t("invalidLink.askAgain")}
              </Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
