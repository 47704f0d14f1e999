"use server";

import { viewerAction } from "@/server/entry/actions";
import { changePassword } from "@/server/people/change-password";
import { MIN_PASSWORD_LENGTH } from "@/schemas/sign-in-limits";

/** Every session ends with the change, this one too: the person signs in again with the new password. */
export const changePasswordAction = viewerAction(changePassword, {
  messages: { namespace: "settings.password", values: { too_short: { min: MIN_PASSWORD_LENGTH } } },
  secretFields: ["currentPassword", "newPassword", "confirmPassword"],
  redirectTo: () => "/signin?notice=password_changed",
});
