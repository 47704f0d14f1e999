"use client";

import { useLiveRefresh } from "@/ui/live/use-live-refresh";

// Keeps an open request page current (docs/realtime.md): the request's event stream says something
// changed, and the page's server parts are fetched again; what the person is typing stays. When the
// viewer may no longer see the request ("gone"), the refresh shows them so.

export function LiveUpdates({ requestId }: { requestId: number }) {
  useLiveRefresh(`/api/requests/${requestId}/events`);
  return null;
}
