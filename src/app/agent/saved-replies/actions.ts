"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { agentAction, agentPost } from "@/server/entry/actions";
import { createSavedReply, deleteSavedReply, updateSavedReply } from "@/server/saved-replies/saved-replies";
import { SAVED_REPLIES_PATH } from "@/ui/saved-replies/saved-replies-href";

// The saved replies' forms: for agents only (anyone else gets the same "not found" as a saved reply
// that does not exist); each use case decides again.

export const createSavedReplyAction = agentAction(createSavedReply, {
  messages: { namespace: "savedReplies" },
  done: () => "done.created",
  revalidate: () => [SAVED_REPLIES_PATH],
});

export const updateSavedReplyAction = agentAction(updateSavedReply, {
  messages: { namespace: "savedReplies" },
  done: () => "done.updated",
  revalidate: (values) => [SAVED_REPLIES_PATH, `${SAVED_REPLIES_PATH}/${String(values.savedReplyId ?? "")}`],
});

// Deleting answers by going back to the list, where the saved reply is no longer (or already was not).
export const deleteSavedReplyAction = agentPost(deleteSavedReply, {
  then: () => {
    revalidatePath(SAVED_REPLIES_PATH);
    redirect(SAVED_REPLIES_PATH);
  },
});
