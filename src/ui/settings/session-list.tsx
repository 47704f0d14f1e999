import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { OwnSession } from "@/server/people/own-sessions";
import { ForgetDraftsForm } from "./forget-drafts-form";
import { deviceName } from "./user-agent";

type PostAction = (formData: FormData) => Promise<void>;

/** The viewer's live sessions, with a way to end each and all. Plain form posts: they work without JavaScript. */
export async function SessionList(props: { sessions: OwnSession[]; endAction: PostAction; endAllAction: PostAction }) {
  const [locale, t, timeZone] = await Promise.all([getLocale(), getTranslations("settings.sessions"), getTimeZone()]);
  return (
    <div className="space-y-4">
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
        {props.sessions.map((session) => {
          const { browser, system } = deviceName(session.userAgent);
          const device = browser && system ? t("device", { browser, system }) : (browser ?? system ?? t("unknownDevice"));
          return (
            <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
              <div className="min-w-0 space-y-1">
                <p className="font-medium">
                  {device}
                  {session.current && <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">{t("current")}</span>}
                </p>
                <p className="text-sm text-slate-700">
                  {t("details", {
                    signedIn: formatDateTime(session.createdAt, locale, timeZone),
                    lastSeen: formatDateTime(session.lastSeenAt, locale, timeZone),
                    address: session.clientAddress ?? t("unknownAddress"),
                  })}
                </p>
                <p className="text-xs text-slate-600">{t("expires", { at: formatDateTime(session.expiresAt, locale, timeZone) })}</p>
              </div>
              <ForgetDraftsForm action={props.endAction} forget={session.current}>
                <input type="hidden" name="sessionId" value={session.id} />
                <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600">
                  {session.current ? t("signOutHere") : t("signOut")}
                </button>
              </ForgetDraftsForm>
            </li>
          );
        })}
      </ul>
      <ForgetDraftsForm action={props.endAllAction} forget>
        <button type="submit" className="rounded-md bg-red-700 px-4 py-2 text-sm font-medium text-white hover:bg-red-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700">
          {t("signOutEverywhere")}
        </button>
        <p className="mt-2 text-sm text-slate-700">{t("signOutEverywhereHint")}</p>
      </ForgetDraftsForm>
    </div>
  );
}
