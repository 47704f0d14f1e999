"use server";

import { viewerAction } from "@/server/entry/actions";
import { updateNotificationPreferences } from "@/server/people/notification-preferences";
import { NOTIFICATIONS_PATH } from "@/ui/settings/outcome";

/** The checkboxes ticked are the notifications kept; none ticked sends no field at all. */
export const updateNotificationsAction = viewerAction(updateNotificationPreferences, {
  input: (formData) => ({ enabled: formData.getAll("enabled").filter((value) => typeof value === "string") }),
  messages: { namespace: "notificationSettings" },
  revalidate: () => [NOTIFICATIONS_PATH],
});
