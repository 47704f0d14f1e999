"use server";

import { redirect } from "next/navigation";
import { readMailConfig } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { visitorPost } from "@/server/entry/actions";
import { unsubscribe } from "@/server/mail/unsubscribe";

/** The confirmation on an unsubscribe link's page: the signed link is the only credential, signed in or not. */
export const unsubscribeAction = visitorPost(async (_viewer, formData) => {
  const token = String(formData.get("token") ?? "");
  const outcome = await unsubscribe(getDatabase(), { now: getClock().now(), tokenKeys: readMailConfig().tokenKeys }, { token });
  redirect(`/unsubscribe/${encodeURIComponent(token)}${outcome.ok ? "?done=1" : ""}`);
});
