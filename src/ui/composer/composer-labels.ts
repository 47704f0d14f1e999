import "server-only";
import { getTranslations } from "@/server/entry/translations";
import type { ComposerLabels } from "./markdown-field";

/** The Write / Preview texts every composer shares, translated on the server. */
export async function composerLabels(): Promise<ComposerLabels> {
  const t = await getTranslations("composer");
  return { tabs: t("tabs"), write: t("write"), preview: t("preview"), loading: t("loading"), empty: t("empty"), failed: t("failed") };
}
