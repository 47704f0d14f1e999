import { z } from "zod";
import { choiceParam, keyCursorParam } from "./list-params";

// The agent console's Mail page (docs/email.md): what its URLs and its forms send. Every choice
// lives in the URL and anything malformed falls back to the default, as on the console's other lists.

export const MAIL_VIEWS = ["outgoing", "incoming", "undeliverable"] as const;
export type MailView = (typeof MAIL_VIEWS)[number];

/** Outgoing mail's states, as the database's enum names them (the server checks the two lists agree). */
export const OUTGOING_MAIL_STATUSES = ["kept", "queued", "sending", "sent", "failed", "suppressed"] as const;
export type OutgoingMailStatus = (typeof OUTGOING_MAIL_STATUSES)[number];

/** Incoming mail's states, as the database's enum names them; "received" is only ever a moment's state. */
export const INCOMING_MAIL_STATUSES = ["held", "unparseable", "automatic", "appended", "created", "discarded", "received"] as const;
export type IncomingMailStatus = (typeof INCOMING_MAIL_STATUSES)[number];

/** The incoming filter's choices, in the order the page offers them; held mail is what waits for an agent. */
export const INCOMING_MAIL_FILTERS = ["held", "unparseable", "automatic", "appended", "created", "discarded", "all"] as const;
export type IncomingMailFilter = (typeof INCOMING_MAIL_FILTERS)[number];

export const OUTGOING_MAIL_FILTERS = ["all", ...OUTGOING_MAIL_STATUSES] as const;
export type OutgoingMailFilter = (typeof OUTGOING_MAIL_FILTERS)[number];

/** Which section of the page: outgoing mail unless the URL says otherwise. */
export const mailViewParamsSchema = z.object({ view: choiceParam(MAIL_VIEWS).transform((view) => view ?? "outgoing") });

export const outgoingMailListParamsSchema = z.object({
  status: choiceParam(OUTGOING_MAIL_FILTERS).transform((status) => status ?? "all"),
  after: keyCursorParam,
  before: keyCursorParam,
});
export type OutgoingMailListParams = z.infer<typeof outgoingMailListParamsSchema>;

export const incomingMailListParamsSchema = z.object({
  status: choiceParam(INCOMING_MAIL_FILTERS).transform((status) => status ?? "held"),
  after: keyCursorParam,
  before: keyCursorParam,
});
export type IncomingMailListParams = z.infer<typeof incomingMailListParamsSchema>;

export const undeliverableListParamsSchema = z.object({ after: keyCursorParam, before: keyCursorParam });
export type UndeliverableListParams = z.infer<typeof undeliverableListParamsSchema>;

/** A mail's id as the database writes them (cuids); anything else is no mail. */
const mailIdSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const mailRefSchema = z.object({ mailId: mailIdSchema });

/** The longest address anyone can have (RFC 5321: 64 + 1 + 255). */
export const MAX_ADDRESS_LENGTH = 320;

export const undeliverableRefSchema = z.object({ address: z.string().trim().toLowerCase().min(1).max(MAX_ADDRESS_LENGTH) });

/** Turning a held mail into a request: for whom, by their account's email. */
export const heldMailRequestSchema = z.object({
  inboundMailId: mailIdSchema,
  requesterEmail: z.string().trim().toLowerCase().min(1, { error: "required" }).max(MAX_ADDRESS_LENGTH).pipe(z.email({ error: "invalid_email" })),
});
export type HeldMailRequestInput = z.input<typeof heldMailRequestSchema>;
