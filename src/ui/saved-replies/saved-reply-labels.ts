import "server-only";
import { getTranslations } from "@/server/entry/translations";
import type { SavedReplyFormLabels } from "./saved-reply-form";

/** The saved reply form's texts in the agent's language, for a new one or an edit. */
export async function savedReplyFormLabels(kind: "new" | "edit"): Promise<SavedReplyFormLabels> {
  const t = await getTranslations("savedReplies");
  return {
    heading: kind === "new" ? t("form.newHeading") : t("form.editHeading"),
    title: t("fields.title"),
    body: t("fields.body"),
    bodyHint: t("form.bodyHint", {
      name: "{{requester.name}}",
      number: "{{request.number}}",
    }),
    submit: kind === "new" ? t("form.create") : t("form.save"),
    submitting: t("form.submitting"),
  };
}
