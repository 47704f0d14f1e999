import "server-only";
import { getTranslations } from "@/server/entry/translations";
import { STATUS_DEFINITIONS, type RequestStatus } from "@/domain";
import { MAX_REPLY_LENGTH } from "@/schemas/request-reply";
import type { AgentRequestPage } from "@/server/requests/get-agent-request-page";
import type { MergeDialogLabels, MergeSummary } from "./merge-dialog";

// What the merge dialog shows, in the agent's language, from the agent request page's data: the
// request, the candidates to merge into, and the texts (those naming the target keep "{target}").

export async function mergeDialogProps(page: AgentRequestPage): Promise<{ request: MergeSummary; candidates: MergeSummary[]; commentMaxLength: number; labels: MergeDialogLabels }> {
  const [t, tRoot] = await Promise.all([getTranslations("agentRequest.mergeDialog"), getTranslations()]);
  const statusLabel = (status: RequestStatus) => tRoot(STATUS_DEFINITIONS[status].labelKey);
  const { request } = page;
  const source = String(request.id);
  const target = "{target}";
  return {
    request: { id: request.id, subject: request.subject, requesterName: request.requester.name, statusLabel: statusLabel(request.status) },
    // A comment is a public reply: the same limit as the reply's schema.
    commentMaxLength: MAX_REPLY_LENGTH,
    candidates: page.mergeCandidates.map((candidate) => ({ id: candidate.id, subject: candidate.subject, requesterName: candidate.requesterName, statusLabel: statusLabel(candidate.status) })),
    labels: {
      open: t("open"),
      heading: t("heading", { id: source }),
      close: t("close"),
      chooseLegend: t("chooseLegend"),
      candidates: t("candidates"),
      none: t("none"),
      typed: t("typed"),
      review: t("review"),
      noTarget: t("noTarget"),
      sameRequest: t("sameRequest"),
      confirmHeading: t("confirmHeading"),
      explain: t("explain", { source, target }),
      mergedSide: t("mergedSide"),
      targetSide: t("targetSide"),
      number: t("number"),
      subject: t("subject"),
      requester: t("requester"),
      status: t("status"),
      unknown: t("unknown"),
      commentOnMerged: t("commentOnMerged", { id: source }),
      commentOnTarget: t("commentOnTarget", { id: target }),
      commentHint: t("commentHint"),
      back: t("back"),
      confirm: t("confirm", { source, target }),
      submitting: t("submitting"),
    },
  };
}
