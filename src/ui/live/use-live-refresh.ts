"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { throttledRefresh } from "./throttled-refresh";

// The live pages (docs/realtime.md) follow one event stream each: "changed" fetches the page's server
// parts again, at most every `everyMs` (client state — what someone is typing — stays), and not while
// the page is hidden: a background tab refreshes once when it is shown again, so an agent's queue left
// open behind other tabs costs the server no rendering. "gone" says the viewer may no longer follow it, so
// the stream is closed and a last refresh shows them so. The browser's EventSource reconnects on its
// own and resumes after the last event it saw.

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
    const refreshes = throttledRefresh(() => router.refresh(), everyMs, () => document.visibilityState === "hidden");
    const refresh = () => refreshes.request();
    const onVisibility = () => {
      if (document.visibilityState === "visible") refreshes.shown();
    };
    document.addEventListener("visibilitychange", onVisibility);
    source.addEventListener("changed", refresh);
    if (onChat) source.addEventListener("chat", (event) => onChat(parseData(event)) && refresh());
    source.addEventListener("gone", () => {
      source.close();
      refresh();
    });
    return () => {
      document.removeEventListener("visibilitychange", onVisibility);
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
