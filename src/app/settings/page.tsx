import { redirect } from "next/navigation";
import { SESSIONS_PATH } from "@/ui/settings/outcome";

/** The profile's settings start with the sessions. */
export default function SettingsPage(): never {
  redirect(SESSIONS_PATH);
}
