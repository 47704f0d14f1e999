import { z } from "zod";

/**
 * The key a form that creates something carries (a hidden field, made when its page was rendered):
 * the same key twice is the same submission, acted on once (src/server/submissions.ts). A form
 * without one, or with a key that is not one, comes from a page older than the key: reloading it
 * gives a new form.
 */
export const submissionKeySchema = z.uuid({ error: "form_outdated" });
