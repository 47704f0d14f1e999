"use server";

import { refresh } from "next/cache";
import { cookies } from "next/headers";
import { timeZoneChoiceSchema, TIME_ZONE_COOKIE } from "@/schemas/time-zone";
import { visitorPost } from "@/server/entry/actions";
import { getDatabase } from "@/server/db";
import { adoptBrowserTimeZone } from "@/server/people/time-zone";

/**
 * What the browser says its time zone is, sent once by a page shown without one: it becomes the
 * account's while it has none, and a visitor's cookie for signed-out pages. The page is refreshed
 * only when its dates were shown in another zone.
 */
export const reportBrowserTimeZone = visitorPost(async (viewer, formData) => {
  const parsed = timeZoneChoiceSchema.safeParse({ timeZone: formData.get("timeZone") });
  // Only a hand-made request sends anything else; it changes nothing.
  if (!parsed.success) return;
  const { timeZone } = parsed.data;
  if (viewer) await adoptBrowserTimeZone(getDatabase(), viewer, { timeZone });
  // Read only by the server (src/server/entry/locale.ts), which accepts nothing but a known zone.
  (await cookies()).set(TIME_ZONE_COOKIE, timeZone, { path: "/", maxAge: 365 * 24 * 60 * 60, sameSite: "lax", httpOnly: true });
  if (formData.get("shown") !== timeZone) refresh();
});
