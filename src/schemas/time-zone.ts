import { z } from "zod";
import { canonicalTimeZone } from "@/i18n/format";

/** An IANA time zone ("Asia/Seoul"), kept in the runtime's own spelling; anything else is invalid. */
export const timeZoneSchema = z.string().transform((value, context) => {
  const zone = canonicalTimeZone(value);
  if (zone === null) {
    context.addIssue({ code: "custom", message: "invalid" });
    return z.NEVER;
  }
  return zone;
});

/** The profile page's choice of time zone, or the zone a browser reports for an account without one. */
export const timeZoneChoiceSchema = z.object({ timeZone: timeZoneSchema });

/** Set for visitors by their browser, so signed-out pages show dates in their zone. */
export const TIME_ZONE_COOKIE = "portico-time-zone";
