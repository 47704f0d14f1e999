import { z } from "zod";
import { timeZoneSchema } from "./time-zone";

// A personal API token as its owner makes one on the API tokens page (docs/api.md "Credentials"):
// a name to tell it apart, read-only or read-write, and when it stops working. Whether a chosen date
// is in the future and within a year depends on the clock, so the use case checks that.

export const MAX_API_TOKEN_NAME_LENGTH = 80;

/** Active (neither revoked nor expired) tokens one person may hold: enough for every tool, few enough to keep track of. */
export const MAX_ACTIVE_API_TOKENS = 25;

/** The furthest a chosen expiry date may be: a year from today. */
export const MAX_API_TOKEN_DAYS = 365;

export const API_TOKEN_ACCESS = ["read", "write"] as const;
export type ApiTokenAccess = (typeof API_TOKEN_ACCESS)[number];

/** When a token expires: after a number of days, on a chosen date, or never. */
export const API_TOKEN_EXPIRIES = ["7", "30", "90", "date", "none"] as const;
export type ApiTokenExpiry = (typeof API_TOKEN_EXPIRIES)[number];

/** Empty form fields mean "not given". */
const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A calendar date as a date field sends it. */
const calendarDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expiry_date_invalid" }).refine((value) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, { error: "expiry_date_invalid" });

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(MAX_API_TOKEN_NAME_LENGTH),
    access: z.enum(API_TOKEN_ACCESS, { error: "choose_access" }),
    expiry: z.enum(API_TOKEN_EXPIRIES, { error: "choose_expiry" }),
    /** The last day the token works, read only when `expiry` is "date". */
    expiresOn: z.preprocess(blankAsMissing, calendarDate.optional()),
    /** The zone the page showed its dates in, so the chosen day ends at that zone's midnight; else the person's own. */
    timeZone: z.preprocess(blankAsMissing, timeZoneSchema.optional().catch(undefined)),
  })
  .superRefine((input, context) => {
    if (input.expiry === "date" && input.expiresOn === undefined) context.addIssue({ code: "custom", path: ["expiresOn"], message: "expiry_date_required" });
  });

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

/** One of the viewer's tokens, by its id. */
export const apiTokenIdSchema = z.object({ apiTokenId: z.string().trim().min(1).max(100) });
