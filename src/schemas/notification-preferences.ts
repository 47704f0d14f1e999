import { z } from "zod";
import { AGENT_MAIL_KINDS, CUSTOMER_MAIL_KINDS } from "@/domain";

/** Checkboxes: a field sent once is a text, several times a list, never at all nothing. */
const repeated = z.preprocess((value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]), z.array(z.enum([...CUSTOMER_MAIL_KINDS, ...AGENT_MAIL_KINDS])).max(20));

/** The notifications a person keeps on; every other one of their set is turned off. */
export const notificationPreferencesSchema = z.object({ enabled: repeated });

export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

/** An unsubscribe link's token as it came in a URL: signed, read by src/server/mail/signing.ts. */
export const unsubscribeTokenInputSchema = z.object({ token: z.string().min(1).max(200) });
