"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";

// Keeps My Requests' rows current (docs/realtime.md): the rows' event stream says one of them changed
// or has chat activity, and the list's server parts are fetched again — the status, the last activity
// and the order stay true without a reload. A busy list (several chats at once) refreshes at most
// every two seconds, with one last refresh after a burst so the final state is always shown. When the
// viewer may no longer follow the rows ("gone"), the stream is closed.

/** The least time between two refreshes of the list. */
const REFRESH_EVERY_MS = 2_000;

export function LiveRows({ requestIds }: { requestIds: readonly number[] }) {
  const router = useRouter();
  // A stable key: the same rows after a refresh — even re-sorted by their new activity — keep the same stream.
  const ids = [...requestIds].sort((a, b) => a - b).join(",");
  const lastRefresh = useRef(0);

  useEffect(() => {
    if (ids === "") return;
    const source = new EventSource(`/api/requests/events?ids=${ids}`);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refreshNow = () => {
      pending = undefined;
      lastRefresh.current = Date.now();
      router.refresh();
    };
    const refresh = () => {
      if (pending !== undefined) return;
      const wait = lastRefresh.current + REFRESH_EVERY_MS - Date.now();
      // A short delay even when allowed now, so a burst of events (a reply that also changes the status) makes one refresh.
      pending = setTimeout(refreshNow, Math.max(wait, 150));
    };
    source.addEventListener("changed", refresh);
    source.addEventListener("chat", refresh);
    source.addEventListener("gone", () => {
      source.close();
      refresh();
    });
    return () => {
      clearTimeout(pending);
      source.close();
    };
  }, [ids, router]);
  return null;
}
