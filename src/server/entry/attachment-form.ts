import "server-only";
import { readAttachmentConfig } from "@/config/env";
import type { FormMessages } from "./form-state";

// A form that sends files with its message: its action's messages for the `attachmentIds` field's
// refusals (attachmentUpload.errors), with the configured limits. Its page gives the picker its
// limits and texts (src/app/attachment-picker.ts).

const MEGABYTE = 1024 * 1024;

/** The form's messages, with those of its files: the limits are read when answering, as configured then. */
export function withAttachmentMessages(messages: FormMessages): FormMessages {
  const { values } = messages;
  return {
    ...messages,
    fieldNamespaces: { ...messages.fieldNamespaces, attachmentIds: "attachmentUpload" },
    values: () => {
      const { maxFiles, maxMessageBytes } = readAttachmentConfig();
      return { ...(typeof values === "function" ? values() : values), too_many: { max: maxFiles }, message_too_large: { max: Math.floor(maxMessageBytes / MEGABYTE) } };
    },
  };
}
