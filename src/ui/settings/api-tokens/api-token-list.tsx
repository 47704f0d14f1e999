import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { formatDateTime } from "@/i18n/format";
import type { OwnApiToken } from "@/server/api-tokens/api-tokens";
import { EmptyList } from "@/ui/empty-list";
import { focusRing } from "@/ui/styles";

type PostAction = (formData: FormData) => Promise<void>;

const STATE_BADGE = {
  active: "bg-emerald-100 text-emerald-900",
  expired: "bg-amber-100 text-amber-900",
  revoked: "bg-slate-200 text-slate-800",
} as const;

/**
 * The viewer's tokens: what each is called, its first characters, what it may do, and when it was
 * made, last used and ends. Revoking is a plain form post, so it works without JavaScript.
 */
export async function ApiTokenList(props: { tokens: OwnApiToken[]; revokeAction: PostAction }) {
  const [locale, t, timeZone] = await Promise.all([getLocale(), getTranslations("apiTokens.list"), getTimeZone()]);
  if (props.tokens.length === 0) return <EmptyList message={t("empty")} />;
  const at = (date: Date) => formatDateTime(date, locale, timeZone);
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
      {props.tokens.map((token) => {
        const nameId = `api-token-${token.id}`;
        const ends =
          token.state === "revoked" ? t("revokedAt", { at: at(token.revokedAt!) })
          : token.state === "expired" ? t("expiredAt", { at: at(token.expiresAt!) })
          : token.expiresAt ? t("expiresAt", { at: at(token.expiresAt) })
          : t("neverExpires");
        return (
          <li key={token.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
            <div className="min-w-0 space-y-1">
              <p className="flex flex-wrap items-center gap-2">
                <span id={nameId} className="min-w-0 font-medium wrap-anywhere">
                  {token.name}
                </span>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_BADGE[token.state]}`}>{t(`states.${token.state}`)}</span>
                <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-900">{t(`access.${token.access}`)}</span>
              </p>
              <p className="text-sm text-slate-700">
                <code className="rounded bg-slate-100 px-1 font-mono text-xs">{token.prefix}…</code> · {t("createdAt", { at: at(token.createdAt) })} · {ends}
              </p>
              <p className="text-sm text-slate-700">{token.lastUsedAt ? t("lastUsedAt", { at: at(token.lastUsedAt) }) : t("neverUsed")}</p>
            </div>
            {token.state === "active" && (
              <form action={props.revokeAction}>
                <input type="hidden" name="apiTokenId" value={token.id} />
                <button type="submit" aria-describedby={nameId} className={`rounded-md border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 ${focusRing}`}>
                  {t("revoke")}
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}
