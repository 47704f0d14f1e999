import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { getTranslations } from "@/server/entry/translations";
import {
  HOLD_REASON_DEFINITIONS,
  HOLD_REASONS,
  MAX_BUG_REFERENCE_LENGTH,
  MAX_REASON_LENGTH,
  PRIORITY_CODES,
  PRIORITY_DEFINITIONS,
  SOLVED_REASON_DEFINITIONS,
  SOLVED_REASONS_AGENTS_CHOOSE,
  STATUS_DEFINITIONS,
  STATUSES_AFTER_AGENT_REPLY,
} from "@/domain";
import { addCcAction, removeCcAction } from "@/app/actions/request-cc";
import { attachmentPickerSetup } from "@/app/attachment-picker";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import { getDatabase } from "@/server/db";
import { found, requireAgentViewer } from "@/server/entry/viewer";
import { getAgentRequestPage } from "@/server/requests/get-agent-request-page";
import { newSubmissionKey } from "@/server/submissions";
import { ActionForm, ChoiceWithFields, KeptField, KeptSelect } from "@/ui/agent-request/action-form";
import { Composer, SavedReplyPicker } from "@/ui/agent-request/composer";
import { EventLog } from "@/ui/agent-request/event-log";
import { SatisfactionSummary } from "@/ui/agent-request/satisfaction-summary";
import { MergeDialog } from "@/ui/agent-request/merge-dialog";
import { composerLabels } from "@/ui/composer/composer-labels";
import { mergeDialogProps } from "@/ui/agent-request/merge-dialog-props";
import { LiveUpdates } from "@/ui/request/live-updates";
import { RequestCcs } from "@/ui/request/request-ccs";
import { RequestDetails } from "@/ui/request/request-details";
import { RequestThread } from "@/ui/request/request-thread";
import { RequestHeading } from "@/ui/request/request-heading";
import { SAVED_REPLIES_PATH } from "@/ui/saved-replies/saved-replies-href";
import { TranslatedStatusBadge } from "@/ui/translated-status-badge";
import { assignAction, holdAction, internalNoteAction, mergeAction, reclassifyAction, reminderAction, replyAction, solveAction } from "./actions";

interface Props {
  params: Promise<{ id: string }>;
}

// Working one request (docs/product.md §4): what the customer sees, the internal notes, the full event
// log and every action an agent takes. Only agents: anyone else gets the same 404 as a missing request.
const loadPage = cache(async (id: string) => {
  const viewer = await requireAgentViewer(`/agent/requests/${encodeURIComponent(id)}`);
  return {
    viewer,
    outcome: await getAgentRequestPage(getDatabase(), viewer, {
      requestId: id,
    }),
  };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const [{ outcome }, t] = await Promise.all([loadPage(id), getTranslations("agentRequest")]);
  const { page } = found(outcome);
  return {
    title: t("title", {
      id: String(page.request.id),
      subject: page.request.subject,
    }),
  };
}

export default async function AgentRequestPage({ params }: Props) {
  const { id } = await params;
  const { viewer, outcome } = await loadPage(id);
  const { page } = found(outcome);
  const [t, tRoot, attachments, composer] = await Promise.all([getTranslations("agentRequest"), getTranslations(), attachmentPickerSetup(), composerLabels()]);
  const request = page.request;
  const submitting = t("forms.submitting");
  const draftOf = `${viewer.actor.userId}:request:${request.id}:agent`;
  // The forms that add something, each with a key of its own, new on every rendering: the actions
  // revalidate this page, so each sent reply or note brings a new key.
  const submissionKeys = {
    reply: newSubmissionKey(),
    note: newSubmissionKey(),
    reminder: newSubmissionKey(),
  };

  const holdOptions = [
    ...HOLD_REASONS.map((code) => ({
      value: code,
      label: tRoot(HOLD_REASON_DEFINITIONS[code].labelKey),
    })),
    { value: "other", label: t("fields.holdOther") },
  ];
  const priorityOptions = PRIORITY_CODES.map((code) => ({
    value: code,
    label: tRoot(PRIORITY_DEFINITIONS[code].labelKey),
  }));
  const solvedOptions = SOLVED_REASONS_AGENTS_CHOOSE.map((reason) => ({
    value: reason,
    label: tRoot(SOLVED_REASON_DEFINITIONS[reason].labelKey),
  }));
  // Each reason shows only the fields it needs: "other" its words, a reported bug its reference, priority and date.
  const holdFields = (
    <ChoiceWithFields
      name="holdReason"
      label={t("fields.holdReason")}
      options={holdOptions}
      defaultValue={HOLD_REASONS[0]}
      fieldsFor={{
        other: <KeptField name="holdReasonText" label={t("fields.holdReasonText")} maxLength={MAX_REASON_LENGTH} />,
      }}
    />
  );
  const resolutionFields = (
    <ChoiceWithFields
      name="solvedReason"
      label={t("fields.solvedReason")}
      options={solvedOptions}
      defaultValue="agreed"
      fieldsFor={{
        bug_reported: (
          <>
            <KeptField name="bugReference" label={t("fields.bugReference")} maxLength={MAX_BUG_REFERENCE_LENGTH} />
            <KeptSelect name="bugPriority" label={t("fields.bugPriority")} options={[{ value: "", label: t("fields.none") }, ...priorityOptions]} />
            <KeptField name="bugEta" type="date" label={t("fields.bugEta")} />
          </>
        ),
      }}
    />
  );
  const savedReplyPicker = (
    <SavedReplyPicker
      savedReplies={page.savedReplies}
      manageHref={SAVED_REPLIES_PATH}
      labels={{
        label: t("composer.savedReply"),
        choose: t("composer.chooseSavedReply"),
        insert: t("composer.insert"),
        none: t("composer.noSavedReplies"),
        manage: t("composer.manageSavedReplies"),
      }}
    />
  );

  return (
    <div>
      <LiveUpdates requestId={request.id} />
      <RequestHeading id={request.id} subject={request.subject} status={request.status} back={{ href: "/agent", label: t("backToQueue") }} breadcrumbLabel={t("breadcrumb")}>
        <p className="text-sm text-slate-700">
          {t("assignee")}: <span className="font-medium">{page.assignee?.name ?? t("nobody")}</span>
        </p>
        <Link href={`/requests/${request.id}`} className="text-sm font-medium text-indigo-700 underline hover:text-indigo-900">
          {t("viewInPortal")}
        </Link>
      </RequestHeading>
      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:order-last">
          <section aria-labelledby="agent-properties-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="agent-properties-heading" className="text-lg font-semibold">
              {t("properties.heading")}
            </h2>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="font-medium text-slate-600">{t("properties.status")}</dt>
                <dd className="mt-1">
                  <TranslatedStatusBadge status={request.status} size="regular" />
                  {/* Said from the agent's side: whose turn it is. */}
                  <p className="mt-1 text-slate-700">{t(`statusForAgents.${request.status}`)}</p>
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-600">{t("properties.requester")}</dt>
                <dd className="mt-1">
                  {request.requester.name}
                  <br />
                  <a href={`mailto:${page.requesterEmail}`} className="break-all text-indigo-700 underline hover:text-indigo-900">
                    {page.requesterEmail}
                  </a>
                </dd>
              </div>
              <div>
                <dt className="font-medium text-slate-600">{t("properties.organization")}</dt>
                <dd className="mt-1">{request.organization.name}</dd>
              </div>
            </dl>
            {!page.isMerged && (
              <>
                <ActionForm requestId={request.id} heading={t("forms.reclassify")} submit={t("forms.reclassifySubmit")} submitting={submitting} action={reclassifyAction}>
                  <KeptSelect name="priority" label={t("fields.priority")} options={priorityOptions} defaultValue={request.priority} />
                  <KeptField name="reason" label={t("fields.reason")} maxLength={MAX_REASON_LENGTH} />
                </ActionForm>
                <ActionForm requestId={request.id} heading={t("forms.assign")} submit={t("forms.assignSubmit")} submitting={submitting} action={assignAction}>
                  <KeptSelect
                    name="assigneeId"
                    label={t("fields.assigneeId")}
                    defaultValue={page.assignee?.id ?? ""}
                    options={[
                      { value: "me", label: t("fields.me") },
                      { value: "", label: t("nobody") },
                      ...page.agents
                        .filter((agent) => agent.id !== viewer.actor.userId)
                        .map((agent) => ({
                          value: agent.id,
                          label: agent.name,
                        })),
                    ]}
                  />
                </ActionForm>
              </>
            )}
          </section>
          <RequestDetails
            page={request}
            now={viewer.now}
            waitingText={t("statusForAgents.pending")}
            ccs={<RequestCcs page={request} actions={{ add: addCcAction, remove: removeCcAction }} />}
          />
          <SatisfactionSummary summary={page.rating} />
          <EventLog events={page.events} people={page.people} />
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <RequestThread page={request} originalEmails={page.originalEmails} openingEmail={page.openingEmail} automaticReminderLabel={t("automaticReminder")} />
          <section aria-labelledby="agent-actions-heading" className="space-y-4">
            <h2 id="agent-actions-heading" className="text-lg font-semibold">
              {t("actionsHeading")}
            </h2>
            {page.isMerged ? (
              // Merged: read-only. The domain takes no reply, status change or reopen on it any more.
              <p className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm text-slate-800">
                {page.mergedIntoId !== null ? t("mergedReadOnly", { id: String(page.mergedIntoId) }) : t("forms.mergedClosed")}
              </p>
            ) : (
              <>
                <Composer
                  labels={{
                    tablist: t("composer.label"),
                    reply: t("forms.reply"),
                    note: t("forms.note"),
                    shortcutsHint: t("composer.shortcutsHint"),
                    shortcuts: {
                      heading: t("shortcuts.heading"),
                      intro: t("shortcuts.intro"),
                      reply: t("shortcuts.reply"),
                      note: t("shortcuts.note"),
                      help: t("shortcuts.help"),
                      close: t("shortcuts.close"),
                    },
                  }}
                  reply={
                    <ActionForm
                      requestId={request.id}
                      heading={t("forms.reply")}
                      headingHidden
                      submit={t("forms.replySubmit")}
                      submitting={submitting}
                      action={replyAction}
                      draft={`${draftOf}:reply`}
                      submissionKey={submissionKeys.reply}
                      attachments={attachments}
                    >
                      {savedReplyPicker}
                      <KeptField name="body" multiline markdown={composer} label={t("fields.body")} maxLength={MAX_REPLY_LENGTH} />
                      <ChoiceWithFields
                        name="then"
                        label={t("fields.then")}
                        defaultValue="pending"
                        options={STATUSES_AFTER_AGENT_REPLY.map((status) => ({
                          value: status,
                          label: tRoot(STATUS_DEFINITIONS[status].labelKey),
                        }))}
                        fieldsFor={{
                          on_hold: holdFields,
                          solved: resolutionFields,
                        }}
                      />
                    </ActionForm>
                  }
                  note={
                    <ActionForm
                      requestId={request.id}
                      heading={t("forms.note")}
                      headingHidden
                      submit={t("forms.noteSubmit")}
                      submitting={submitting}
                      action={internalNoteAction}
                      draft={`${draftOf}:note`}
                      submissionKey={submissionKeys.note}
                      attachments={attachments}
                    >
                      {savedReplyPicker}
                      <KeptField name="body" multiline markdown={composer} label={t("fields.note")} maxLength={MAX_REPLY_LENGTH} />
                    </ActionForm>
                  }
                />
                <section aria-labelledby="agent-more-actions-heading" className="space-y-3">
                  <h3 id="agent-more-actions-heading" className="font-semibold">
                    {t("moreActions")}
                  </h3>
                  <div className="grid items-start gap-4 md:grid-cols-2">
                    <ActionForm folded requestId={request.id} heading={t("forms.hold")} submit={t("forms.holdSubmit")} submitting={submitting} action={holdAction}>
                      {holdFields}
                    </ActionForm>
                    <ActionForm folded requestId={request.id} heading={t("forms.solve")} submit={t("forms.solveSubmit")} submitting={submitting} action={solveAction}>
                      {resolutionFields}
                    </ActionForm>
                    {/* Reminders go only to Pending requests (the domain refuses others): offered only then. */}
                    {request.status === "pending" && (
                      <ActionForm
                        folded
                        requestId={request.id}
                        heading={t("forms.reminder")}
                        submit={t("forms.reminderSubmit")}
                        submitting={submitting}
                        action={reminderAction}
                        draft={`${draftOf}:reminder`}
                        submissionKey={submissionKeys.reminder}
                      >
                        <KeptField name="body" multiline markdown={composer} label={t("fields.body")} maxLength={MAX_REPLY_LENGTH} />
                      </ActionForm>
                    )}
                    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                      <MergeDialog {...await mergeDialogProps(page)} action={mergeAction} submissionKey={newSubmissionKey()} />
                    </div>
                  </div>
                </section>
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}
