"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { acceptChat, transferChat } from "@/server/chat/chat-actions";
import { setChatAvailability } from "@/server/chat/presence";
import { agentAction, agentPost } from "@/server/entry/actions";
import { defineUseCase } from "@/server/use-case";
import { chatRefSchema } from "@/schemas/chat";
import { CHATS_PATH, chatHref } from "@/ui/agent-chats/chat-href";

// The console's chat forms: for agents only (anyone else gets the same "not found" as a chat that
// does not exist); each use case decides again. Accepting opens the chat, so the action needs the
// chat's id back: the use case answers with its request only, and is wrapped here to add it.

const messages = { namespace: "agentChats" };

export const chatAvailabilityAction = agentAction(setChatAvailability, {
  messages,
  done: ({ available }) => (available ? "done.available" : "done.away"),
  revalidate: () => [CHATS_PATH],
});

const acceptAndOpen = defineUseCase({
  input: chatRefSchema,
  identifies: ["chatId"],
  run: async (db, viewer, input) => {
    const accepted = await acceptChat.run(db, viewer, input);
    return accepted.ok ? { ...accepted, chatId: input.chatId } : accepted;
  },
});

// A plain post: on success the chat opens; a refusal (another agent was first) is said on the Chats
// page, since the row with the button is gone by then.
export const acceptChatAction = agentPost(acceptAndOpen, {
  then: (outcome) => {
    // The console's header counts the waiting chats: one fewer now, or the list moved on.
    revalidatePath("/agent", "layout");
    if (outcome.ok) redirect(chatHref(outcome.chatId));
    redirect(`${CHATS_PATH}?refused=${outcome.reason === "refused" ? outcome.refusal.code : "not_found"}`);
  },
});

export const transferChatAction = agentAction(transferChat, {
  messages,
  done: () => "done.transferred",
  redirectTo: ({ requestId }) => `${CHATS_PATH}?transferred=${requestId}`,
});
