import type { Metadata } from "next";
import Link from "next/link";
import { getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { API_TOKEN_ACCESS, API_TOKEN_EXPIRIES, MAX_ACTIVE_API_TOKENS, MAX_API_TOKEN_NAME_LENGTH } from "@/schemas/api-tokens";
import { listOwnApiTokens } from "@/server/api-tokens/api-tokens";
import { expiryDateBounds } from "@/server/api-tokens/expiry";
import { getDatabase } from "@/server/db";
import { found, requireViewer } from "@/server/entry/viewer";
import { ApiTokenList } from "@/ui/settings/api-tokens/api-token-list";
import { CreateApiTokenForm } from "@/ui/settings/api-tokens/create-api-token-form";
import { API_TOKENS_PATH, apiTokensParamsSchema } from "@/ui/settings/api-tokens/outcome";
import { SettingsNav } from "@/ui/settings/settings-nav";
import { focusRing } from "@/ui/styles";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiTokens");
  return { title: t("title") };
}

/** Personal API tokens (docs/api.md "Credentials"): make one, see the list, revoke any. */
export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requireViewer(API_TOKENS_PATH);
  const { done } = apiTokensParamsSchema.parse(await searchParams);
  const { tokens } = found(await listOwnApiTokens(getDatabase(), viewer, {}));
  const [t, settings, notifications, timeZone] = await Promise.all([getTranslations("apiTokens"), getTranslations("settings"), getTranslations("notificationSettings"), getTimeZone()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{settings("title")}</h1>
      <SettingsNav
        current="apiTokens"
        label={settings("navLabel")}
        labels={{ timeZone: settings("timeZone.title"), sessions: settings("sessions.title"), password: settings("password.title"), notifications: notifications("title") }}
      />
      <p className="max-w-3xl text-slate-700">
        {t("intro", { max: MAX_ACTIVE_API_TOKENS })}{" "}
        <Link href="/api/docs" className={`font-medium text-indigo-700 underline ${focusRing}`}>
          {t("reference")}
        </Link>
      </p>
      {done && (
        <p role={done === "not_found" ? "alert" : "status"} className={`max-w-3xl rounded-md border p-3 ${done === "not_found" ? "border-red-700 bg-red-50 text-red-900" : "border-green-700 bg-green-50 text-green-900"}`}>
          {t(`done.${done}`)}
        </p>
      )}
      <CreateApiTokenForm
        action={createApiTokenAction}
        nameMaxLength={MAX_API_TOKEN_NAME_LENGTH}
        timeZone={timeZone}
        expiresOnBounds={expiryDateBounds(viewer.now, timeZone)}
        labels={{
          heading: t("create.heading"),
          name: t("create.fields.name"),
          nameHint: t("create.nameHint"),
          access: t("create.fields.access"),
          accessChoices: Object.fromEntries(API_TOKEN_ACCESS.map((access) => [access, { label: t(`create.accessChoices.${access}.label`), hint: t(`create.accessChoices.${access}.hint`) }])) as Record<(typeof API_TOKEN_ACCESS)[number], { label: string; hint: string }>,
          expiry: t("create.fields.expiry"),
          expiryChoices: Object.fromEntries(API_TOKEN_EXPIRIES.map((expiry) => [expiry, t(`create.expiryChoices.${expiry}`)])) as Record<(typeof API_TOKEN_EXPIRIES)[number], string>,
          expiresOn: t("create.fields.expiresOn"),
          expiresOnHint: t("create.expiresOnHint"),
          submit: t("create.submit"),
          submitting: t("create.submitting"),
          created: { heading: t("create.created.heading"), token: t("create.created.token"), warning: t("create.created.warning"), copy: t("create.created.copy"), copied: t("create.created.copied") },
        }}
      />
      <section aria-labelledby="api-tokens-list-heading" className="space-y-3">
        <h2 id="api-tokens-list-heading" className="text-lg font-semibold">
          {t("list.heading")}
        </h2>
        <ApiTokenList tokens={tokens} revokeAction={revokeApiTokenAction} />
      </section>
    </div>
  );
}
