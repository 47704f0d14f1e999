import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { choiceParam } from "@/schemas/list-params";
import { PASSWORD_RESET_ERRORS } from "@/schemas/password-reset";
import { PASSWORD_RESET_MINUTES } from "@/server/people/request-password-reset";
import { RequestResetForm } from "@/ui/password-reset/request-form";
import { requestPasswordResetAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("passwordReset.request");
  return { title: t("title") };
}

/** Asking for a reset link by email, signed in or not. After sending, the same answer for every email. */
export default async function RequestPasswordResetPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const t = await getTranslations("passwordReset");
  const sent = params.sent === "1";
  const error = choiceParam(PASSWORD_RESET_ERRORS).parse(params.error);
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">{t("request.title")}</h1>
        {sent ? (
          <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900">
            {t("request.sent", { minutes: PASSWORD_RESET_MINUTES })}
          </p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">{t("request.intro")}</p>
            <RequestResetForm
              action={requestPasswordResetAction}
              error={error === "throttled" || error === "invalid_email" ? t(`errors.${error}`) : ""}
              labels={{ email: t("request.email"), submit: t("request.submit"), submitting: t("request.submitting") }}
            />
          </>
        )}
        <p className="mt-4 text-sm">
          <Link href="/signin" className="text-indigo-700 underline hover:text-indigo-900">
            {t("request.backToSignIn")}
          </Link>
        </p>
      </div>
    </div>
  );
}
