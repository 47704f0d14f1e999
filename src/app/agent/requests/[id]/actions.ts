"use server";

import { requestPages } from "@/app/actions/request-pages";
import { agentAction, type FormActionOptions } from "@/server/entry/actions";
import { withAttachmentMessages } from "@/server/entry/attachment-form";
import { formValues } from "@/server/entry/form-state";
import { addInternalNote } from "@/server/requests/add-internal-note";
import { assignRequest } from "@/server/requests/assign-request";
import { holdRequest } from "@/server/requests/hold-request";
import { mergeRequest } from "@/server/requests/merge-request";
import { reclassifyRequest } from "@/server/requests/reclassify-request";
import { replyAsAgent } from "@/server/requests/reply-as-agent";
import { sendReminder } from "@/server/requests/send-reminder";
import { solveRequest } from "@/server/requests/solve-request";

// The agent request page's actions: for agents only (anyone else gets the same "not found" as a
// request that does not exist), each through its use case, which decides again.

const answer = (done: string): FormActionOptions<object> => ({ messages: { namespace: "agentRequest" }, done: () => `done.${done}`, revalidate: requestPages });

// The reply and the note carry files: their refusals have messages of their own.
const withFiles = (options: FormActionOptions<object>): FormActionOptions<object> => ({ ...options, messages: withAttachmentMessages(options.messages) });

export const replyAction = agentAction(replyAsAgent, withFiles(answer("reply")));

export const internalNoteAction = agentAction(addInternalNote, withFiles(answer("note")));

export const holdAction = agentAction(holdRequest, answer("hold"));

export const solveAction = agentAction(solveRequest, answer("solve"));

export const reclassifyAction = agentAction(reclassifyRequest, answer("reclassify"));

export const reminderAction = agentAction(sendReminder, answer("reminder"));

export const assignAction = agentAction(assignRequest, answer("assign"));

export const mergeAction = agentAction(mergeRequest, {
  ...answer("merge"),
  // The agent picks a candidate or types an id; a typed id wins.
  input: (formData) => {
    const values = formValues(formData);
    const typed = typeof values.targetIdTyped === "string" ? values.targetIdTyped.trim() : "";
    return typed ? { ...values, targetId: typed } : values;
  },
});
