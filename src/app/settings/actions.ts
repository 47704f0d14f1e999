"use server";

import { viewerAction } from "@/server/entry/actions";
import { updateTimeZone } from "@/server/people/time-zone";
import { TIME_ZONE_PATH } from "@/ui/settings/outcome";

/** The profile page's time zone choice. */
export const updateTimeZoneAction = viewerAction(updateTimeZone, {
  messages: { namespace: "settings.timeZone" },
  revalidate: () => [TIME_ZONE_PATH],
});
