"use client";

import { useLiveRefresh } from "@/ui/live/use-live-refresh";

// Keeps My Requests' rows current (docs/realtime.md): the rows' event stream says one of them changed
// or has chat activity, and the list's server parts are fetched again — the status, the last activity
// and the order stay true without a reload; a busy list refreshes at most every two seconds.

/** The least time between two refreshes of the list. */
const REFRESH_EVERY_MS = 2_000;

/** Every chat event shows on a row: its last activity moves. */
const everyChatEvent = () => true;

export function LiveRows({ requestIds }: { requestIds: readonly number[] }) {
  // A stable key: the same rows after a refresh — even re-sorted by their new activity — keep the same stream.
  const ids = [...requestIds].sort((a, b) => a - b).join(",");
  useLiveRefresh(ids === "" ? null : `/api/requests/events?ids=${ids}`, { everyMs: REFRESH_EVERY_MS, onChat: everyChatEvent });
  return null;
}
