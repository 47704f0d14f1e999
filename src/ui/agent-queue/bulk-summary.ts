import "server-only";
import { getTranslations } from "@/server/entry/translations";
import type { BulkChangeResult } from "@/server/requests/change-queue-requests";

/** "12 requests updated, 1 refused: #1042 (already has this status)", in the agent's language. */
export async function bulkSummary({ updated, refused }: BulkChangeResult): Promise<string> {
  const t = await getTranslations("agentQueue.bulk");
  const said = t("updated", { count: updated.length });
  if (refused.length === 0) return said;
  const reason = (code: string) => {
    const key = `refusals.${code}` as "refusals.other";
    return t.has(key) ? t(key) : t("refusals.other");
  };
  const list = refused.map(({ id, code }) => `#${id} (${reason(code)})`).join(", ");
  return `${said}, ${t("refused", { count: refused.length, list })}`;
}
