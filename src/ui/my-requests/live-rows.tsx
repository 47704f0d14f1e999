"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { throttledRefresh } from "@/ui/live/throttled-refresh";

// Keeps My Requests' rows current (docs/realtime.md): the rows' event stream says one of them changed
// or has chat activity, and the list's server parts are fetched again — the status, the last activity
// and the order stay true without a reload; a busy list refreshes at most every two seconds. When the
// viewer may no longer follow the rows ("gone"), the stream is closed.

/** The least time between two refreshes of the list. */
const REFRESH_EVERY_MS = 2_000;

export function LiveRows({ requestIds }: { requestIds: readonly number[] }) {
  const router = useRouter();
  // A stable key: the same rows after a refresh — even re-sorted by their new activity — keep the same stream.
  const ids = [...requestIds].sort((a, b) => a - b).join(",");

  useEffect(() => {
    if (ids === "") return;
    const source = new EventSource(`/api/requests/events?ids=${ids}`);
    const refreshes = throttledRefresh(() => router.refresh(), REFRESH_EVERY_MS);
    const refresh = () => refreshes.request();
    source.addEventListener("changed", refresh);
    source.addEventListener("chat", refresh);
    source.addEventListener("gone", () => {
      source.close();
      refresh();
    });
    return () => {
      refreshes.cancel();
      source.close();
    };
  }, [ids, router]);
  return null;
}
