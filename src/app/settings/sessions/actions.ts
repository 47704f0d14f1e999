"use server";

import { redirect } from "next/navigation";
import { viewerPost } from "@/server/entry/actions";
import { endAllOwnSessions, endOwnSession } from "@/server/people/own-sessions";
import { SESSIONS_PATH } from "@/ui/settings/outcome";

// Plain form posts: ending this browser's own session (or all of them) leads to the sign-in page,
// ending another one back to the list. Signed out, there is nothing to end: "not found".

export const endSessionAction = viewerPost(endOwnSession, {
  then: (outcome) => {
    if (outcome.ok && outcome.current) redirect("/signin?notice=signed_out");
    redirect(`${SESSIONS_PATH}?done=${outcome.ok ? "session_ended" : "not_found"}`);
  },
});

export const endAllSessionsAction = viewerPost(endAllOwnSessions, {
  then: () => redirect("/signin?notice=signed_out_everywhere"),
});
