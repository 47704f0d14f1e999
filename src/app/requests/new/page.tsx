import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { attachmentPickerSetup } from "@/app/attachment-picker";
import { PRIORITY_CODES, PRIORITY_DEFINITIONS } from "@/domain";
import { MAX_DESCRIPTION_LENGTH, MAX_SUBJECT_LENGTH } from "@/schemas/new-request";
import { getDatabase } from "@/server/db";
import { requireViewer } from "@/server/entry/viewer";
import { getNewRequestForm } from "@/server/requests/get-new-request-form";
import { newSubmissionKey } from "@/server/submissions";
import { composerLabels } from "@/ui/composer/composer-labels";
import { NewRequestForm } from "@/ui/new-request/new-request-form";
import { submitNewRequest } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("newRequest");
  return { title: t("title") };
}

export default async function NewRequestPage() {
  const viewer = await requireViewer("/requests/new");
  const [t, tRoot, form, attachments] = await Promise.all([getTranslations("newRequest"), getTranslations(), getNewRequestForm(getDatabase(), viewer, {}), attachmentPickerSetup()]);
  // Why this person cannot open a request, as the domain says (an agent; no customer organization).
  const explanation = form.ok ? null : form.reason === "refused" && form.refusal.code === "agents_cannot_create" ? t("refusals.agents_cannot_create") : t("refusals.no_organization");

  return (
    <section aria-labelledby="new-request-heading" className="max-w-3xl">
      <h1 id="new-request-heading" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      {!form.ok ? (
        <p className="mt-2 text-slate-700">{explanation}</p>
      ) : (
        <>
          <p className="mt-2 text-slate-700">{t("intro")}</p>
          <NewRequestForm
            action={submitNewRequest}
            submissionKey={newSubmissionKey()}
            organizations={form.organizations}
            limits={{ subject: MAX_SUBJECT_LENGTH, description: MAX_DESCRIPTION_LENGTH }}
            attachments={attachments}
            composer={await composerLabels()}
            draftKey={`${viewer.actor.userId}:new-request:description`}
            priorities={PRIORITY_CODES.map((code) => ({
              code,
              label: tRoot(PRIORITY_DEFINITIONS[code].labelKey),
              definition: tRoot(PRIORITY_DEFINITIONS[code].definitionKey),
            }))}
            labels={{
              required: t("required"),
              organization: t("organization"),
              organizationChoose: t("organizationChoose"),
              subject: t("subject"),
              description: t("description"),
              descriptionHint: t("descriptionHint"),
              priority: t("priority"),
              priorityHint: t("priorityHint"),
              ccs: t("ccs"),
              ccsHint: t("ccsHint"),
              noColleagues: t("noColleagues"),
              submit: t("submit"),
              submitting: t("submitting"),
              cancel: t("cancel"),
              errorSummary: t("errorSummary"),
            }}
          />
        </>
      )}
    </section>
  );
}
