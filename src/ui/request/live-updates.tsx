"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { throttledRefresh } from "@/ui/live/throttled-refresh";

// Keeps an open request page current (docs/realtime.md): the request's event stream says something
// changed, and the page's server parts are fetched again. What the person is typing stays — the
// forms are client components the refresh leaves in place. The browser's EventSource reconnects on
// its own and sends the last event id it saw, so nothing is missed; when the viewer may no longer see
// the request ("gone"), the refresh shows them so.

export function LiveUpdates({ requestId }: { requestId: number }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource(`/api/requests/${requestId}/events`);
    const refreshes = throttledRefresh(() => router.refresh(), 0);
    source.addEventListener("changed", () => refreshes.request());
    source.addEventListener("gone", () => {
      source.close();
      router.refresh();
    });
    return () => {
      refreshes.cancel();
      source.close();
    };
  }, [requestId, router]);
  return null;
}
