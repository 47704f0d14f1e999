import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { readMailConfig } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { readUnsubscribeLink } from "@/server/mail/unsubscribe";
import { ConfirmUnsubscribe } from "@/ui/unsubscribe/confirm-unsubscribe";
import { NOTIFICATIONS_PATH } from "@/ui/settings/outcome";
import { unsubscribeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribe");
  return { title: t("title"), referrer: "no-referrer", robots: { index: false } };
}

/**
 * An unsubscribe link opened in a browser: what it stops, and a button to confirm. Opening it changes
 * nothing (mail systems open links on their own to check them).
 */
export default async function UnsubscribePage(props: { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ token }, params] = await Promise.all([props.params, props.searchParams]);
  const t = await getTranslations("unsubscribe");
  const link = await readUnsubscribeLink(getDatabase(), { now: getClock().now(), tokenKeys: readMailConfig().tokenKeys }, { token });
  const settingsLink = (
    <p className="mt-4 text-sm">
      <Link href={NOTIFICATIONS_PATH} className="text-indigo-700 underline hover:text-indigo-900">
        {t("settingsLink")}
      </Link>
    </p>
  );
  return (
    <div className="mx-auto mt-8 max-w-md">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {!link.ok ? (
          <>
            <h1 className="text-2xl font-semibold">{t("invalidTitle")}</h1>
            <p className="mt-2 text-sm text-slate-700">{t("invalid")}</p>
          </>
        ) : params.done === "1" || link.off ? (
          <>
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p role="status" className="mt-4 rounded-md border border-green-700 bg-green-50 p-3 text-sm text-green-900">
              {t(params.done === "1" ? "done" : "alreadyOff", { event: t(`when.${link.kind}`) })}
            </p>
            {settingsLink}
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p className="mt-2 text-slate-700">{t("intro", { event: t(`when.${link.kind}`) })}</p>
            <ConfirmUnsubscribe action={unsubscribeAction} token={token} label={t("confirm")} />
            {settingsLink}
          </>
        )}
      </div>
    </div>
  );
}
