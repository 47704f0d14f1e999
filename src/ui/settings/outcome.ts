import { z } from "zod";
import { choiceParam } from "@/schemas/list-params";

/** The profile's own page: the time zone. */
export const TIME_ZONE_PATH = "/settings";
export const SESSIONS_PATH = "/settings/sessions";
export const PASSWORD_PATH = "/settings/password";
export const NOTIFICATIONS_PATH = "/settings/notifications";

export const SESSION_NOTICES = ["session_ended", "not_found"] as const;

/** What the Sessions page says after ending one (`?done=`), read leniently like every page's URL. */
export const sessionsParamsSchema = z.object({ done: choiceParam(SESSION_NOTICES) });

/** Why the sign-in page was reached after a session ended on purpose (`?notice=`). */
export const SIGN_IN_NOTICES = ["signed_out_everywhere", "password_changed", "signed_out", "password_reset"] as const;
export type SignInNotice = (typeof SIGN_IN_NOTICES)[number];
