"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { throttledRefresh } from "@/ui/live/throttled-refresh";

// Keeps a console page current (docs/realtime.md): the console's stream carries every request's
// events, and the page's server parts are fetched again — at most every `refreshEveryMs`, with one
// last refresh after a burst so the final state is always shown. What the agent typed or chose in a
// form stays: a refresh leaves client state in place. With `newChatLabel`, a new waiting chat is also
// announced. `after` is where the rendered page stood in the stream, so that nothing between the
// rendering and the connection is missed; the browser resumes from the last event it saw after that.

interface ChatEvent {
  requestId?: number;
  kind?: string;
  subject?: string;
}

/** Chat events that change what the console lists (a message does not). */
const LISTED_KINDS = new Set(["waiting", "joined", "transferred", "ended"]);

export function ConsoleEvents(props: {
  refreshEveryMs: number;
  after?: string;
  newChatLabel?: string;
  /** The queue shows each request's last activity, so every chat line counts there. */
  everyChatEvent?: boolean;
}) {
  const router = useRouter();
  const { refreshEveryMs, newChatLabel, everyChatEvent = false } = props;
  // Only the first rendering's position: later ones (each refresh) keep the same stream.
  const after = useRef(props.after);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    const start = after.current ? `?after=${encodeURIComponent(after.current)}` : "";
    const source = new EventSource(`/api/agent/events${start}`);
    const refreshes = throttledRefresh(() => router.refresh(), refreshEveryMs);
    const refresh = () => refreshes.request();
    source.addEventListener("changed", refresh);
    source.addEventListener("chat", (event) => {
      let data: ChatEvent;
      try {
        data = JSON.parse((event as MessageEvent<string>).data) as ChatEvent;
      } catch {
        return;
      }
      if (!everyChatEvent && !(data.kind && LISTED_KINDS.has(data.kind))) return;
      refresh();
      if (data.kind === "waiting" && newChatLabel) setAnnouncement(`${newChatLabel} #${data.requestId ?? ""} ${data.subject ?? ""}`.trim());
    });
    source.addEventListener("gone", () => {
      source.close();
      refresh();
    });
    return () => {
      refreshes.cancel();
      source.close();
    };
  }, [router, refreshEveryMs, newChatLabel, everyChatEvent]);

  if (!newChatLabel) return null;
  return (
    <p role="status" aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );
}
