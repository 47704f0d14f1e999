import "server-only";
import { getLocale } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { readAttachmentConfig } from "@/config/env";
import type { AttachmentPickerSetup, AttachmentRefusal } from "@/ui/attachments/attachment-picker";
import { formatBytes } from "@/ui/attachments/bytes";

// For a page rendering a form that sends files (a new request, a reply, an internal note): the
// picker's limits as configured and its texts in the reader's language.

/** The picker's limits and texts, for a page rendering a form that sends files. */
export async function attachmentPickerSetup(): Promise<AttachmentPickerSetup> {
  const [t, locale] = await Promise.all([getTranslations("attachmentUpload"), getLocale()]);
  const { maxFileBytes, maxMessageBytes, maxFiles } = readAttachmentConfig();
  const maxFile = formatBytes(maxFileBytes, locale);
  const maxMessage = formatBytes(maxMessageBytes, locale);
  // Templates the picker fills in itself, per file.
  const template = (key: "uploading" | "removeFile" | "retryFile" | `announce.${"uploading" | "ready" | "checking" | "refused" | "removed"}`) => t.raw(key) as string;
  const refusals: Record<AttachmentRefusal, string> = {
    too_large: t("refusals.too_large", { max: maxFile }),
    empty: t("refusals.empty"),
    too_many: t("refusals.too_many", { max: String(maxFiles) }),
    message_too_large: t("refusals.message_too_large", { max: maxMessage }),
    too_many_unsent: t("refusals.too_many_unsent"),
    infected: t("refusals.infected"),
    signed_out: t("refusals.signed_out"),
    network: t("refusals.network"),
    other: t("refusals.other"),
  };
  return {
    locale,
    limits: { maxFileBytes, maxMessageBytes, maxFiles },
    labels: {
      attach: t("attach"),
      dropHint: t("dropHint"),
      dropping: t("dropping"),
      limits: t("limits", { maxFiles: String(maxFiles), maxFile, maxMessage }),
      listLabel: t("listLabel"),
      uploading: template("uploading"),
      ready: t("ready"),
      checking: t("checking"),
      remove: t("remove"),
      removeFile: template("removeFile"),
      retry: t("retry"),
      retryFile: template("retryFile"),
      busy: t("busy"),
      announce: {
        uploading: template("announce.uploading"),
        ready: template("announce.ready"),
        checking: template("announce.checking"),
        refused: template("announce.refused"),
        removed: template("announce.removed"),
      },
      refusals,
    },
  };
}
