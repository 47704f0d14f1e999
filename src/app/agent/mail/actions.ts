"use server";

import { agentAction } from "@/server/entry/actions";
import { clearUndeliverable } from "@/server/mail/console/clear-undeliverable";
import { createRequestFromMail } from "@/server/mail/console/create-request-from-mail";
import { discardIncomingMail } from "@/server/mail/console/discard-incoming-mail";
import { retryOutgoingMail } from "@/server/mail/console/retry-outgoing-mail";
import { incomingMailHref, MAIL_PATH, outgoingMailHref } from "@/ui/agent-mail/mail-href";

// The Mail page's forms: for agents only (anyone else gets the same "not found" as a mail that does
// not exist); each use case decides again, and its answer shows beside the button.

const messages = { namespace: "agentMail" };
const sent = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

export const retryMailAction = agentAction(retryOutgoingMail, {
  messages,
  done: ({ status }) => (status === "queued" ? "done.retried" : "done.retriedKept"),
  revalidate: (values) => [MAIL_PATH, outgoingMailHref(sent(values.mailId))],
});

export const discardMailAction = agentAction(discardIncomingMail, {
  messages,
  done: () => "done.discarded",
  revalidate: (values) => [MAIL_PATH, incomingMailHref(sent(values.mailId))],
});

export const clearUndeliverableAction = agentAction(clearUndeliverable, {
  messages,
  done: () => "done.cleared",
  revalidate: () => [MAIL_PATH],
});

export const createRequestFromMailAction = agentAction(createRequestFromMail, {
  messages,
  done: () => "done.created",
  redirectTo: ({ requestId }) => `/agent/requests/${requestId}`,
  revalidate: () => [MAIL_PATH],
});
