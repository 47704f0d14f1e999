import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { setVisitorLocale } from "@/app/actions/set-locale";
import { findViewer } from "@/server/entry/viewer";
import { isOidcEnabled } from "@/server/auth/options";
import { choiceParam } from "@/schemas/list-params";
import { safeCallbackPath } from "@/schemas/sign-in";
import { LanguageSwitch } from "@/ui/language-switch";
import { SIGN_IN_NOTICES } from "@/ui/settings/outcome";
import { SignInForm } from "@/ui/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const asked = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  // A page asked for wins; otherwise home, which sends agents to the queue and customers to their requests.
  const callbackPath = safeCallbackPath(asked, "/");
  const viewer = await findViewer();
  if (viewer) redirect(safeCallbackPath(asked, viewer.actor.isAgent ? "/agent" : "/requests"));
  const [locale, t] = await Promise.all([getLocale(), getTranslations()]);
  // Why a session ended on purpose (signing out everywhere, a password change), said once here.
  const notice = choiceParam(SIGN_IN_NOTICES).parse(params.notice);
  // next-auth sends failed single sign-on back here with ?error=…; say so without details.
  const ssoFailed = typeof params.error === "string";
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">{t("signIn.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("signIn.intro")}</p>
        {notice && (
          <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900">
            {t(`signIn.notices.${notice}`)}
          </p>
        )}
        <SignInForm
          callbackPath={callbackPath}
          oidcEnabled={isOidcEnabled()}
          initialError={ssoFailed}
          labels={{
            email: t("signIn.email"),
            password: t("signIn.password"),
            submit: t("signIn.submit"),
            submitting: t("signIn.submitting"),
            failed: t("signIn.failed"),
            throttledSeconds: t("signIn.throttledSeconds"),
            throttledMinutes: t("signIn.throttledMinutes"),
            singleSignOn: t("signIn.singleSignOn"),
            singleSignOnFailed: t("signIn.singleSignOnFailed"),
            forgotPassword: t("signIn.forgotPassword"),
          }}
        />
      </div>
      <div className="mt-4 flex justify-center">
        <LanguageSwitch action={setVisitorLocale} current={locale} label={t("language.label")} variant="inline" />
      </div>
    </div>
  );
}
