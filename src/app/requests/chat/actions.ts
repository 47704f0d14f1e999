"use server";

import { MAX_CHAT_MESSAGE_LENGTH } from "@/domain";
import { startChat } from "@/server/chat/start-chat";
import { formValues } from "@/server/entry/form-state";
import { viewerAction } from "@/server/entry/actions";

/** The first message: a chat on the request's page, or — nobody available — the message left on the request. */
export const startChatAction = viewerAction(startChat, {
  input: (formData) => {
    const values = formValues(formData);
    // Fields left empty are not chosen: a new topic, the only organization.
    return Object.fromEntries(Object.entries(values).filter(([field, value]) => !(field !== "message" && value === "")));
  },
  messages: {
    namespace: "chat.start",
    values: { message_too_long: { max: MAX_CHAT_MESSAGE_LENGTH } },
  },
  redirectTo: (started) => (started.mode === "chat" ? `/requests/${started.requestId}#chat` : `/requests/${started.requestId}?left=1`),
});
