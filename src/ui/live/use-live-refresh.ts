"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { throttledRefresh } from "./throttled-refresh";

// The live pages (docs/realtime.md) follow one event stream each: "changed" fetches the page's server
// parts again, at most every `everyMs` (client state — what someone is typing — stays); "gone" says
// the viewer may no longer follow it, so the stream is closed and a last refresh shows them so. The
// browser's EventSource reconnects on its own and resumes after the last event it saw.

export interface LiveRefreshOptions {
  /** The least time between two refreshes. */
  everyMs?: number;
  /** Chat activity: whether this event refreshes the page (keep the function stable: it restarts the stream). */
  onChat?: (data: unknown) => boolean;
}

/** Follows the stream at `url` (none while null) and refreshes the page on its events. */
export function useLiveRefresh(url: string | null, { everyMs = 0, onChat }: LiveRefreshOptions = {}) {
  const router = useRouter();
  useEffect(() => {
    if (url === null) return;
    const source = new EventSource(url);
    const refreshes = throttledRefresh(() => router.refresh(), everyMs);
    const refresh = () => refreshes.request();
    source.addEventListener("changed", refresh);
    if (onChat) source.addEventListener("chat", (event) => onChat(parseData(event)) && refresh());
    source.addEventListener("gone", () => {
      source.close();
      refresh();
    });
    return () => {
      refreshes.cancel();
      source.close();
    };
  }, [url, everyMs, onChat, router]);
}

function parseData(event: Event): unknown {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as unknown;
  } catch {
    return null;
  }
}
