"use client";

import { useCallback, useState } from "react";
import { useLiveRefresh } from "@/ui/live/use-live-refresh";

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
  const { refreshEveryMs, newChatLabel, everyChatEvent = false } = props;
  const [announcement, setAnnouncement] = useState("");
  // Only the first rendering's position: later ones (each refresh) keep the same stream.
  const [url] = useState(() => `/api/agent/events${props.after ? `?after=${encodeURIComponent(props.after)}` : ""}`);

  const onChat = useCallback(
    (data: unknown) => {
      const chat = (data ?? {}) as ChatEvent;
      if (!everyChatEvent && !(chat.kind && LISTED_KINDS.has(chat.kind))) return false;
      if (chat.kind === "waiting" && newChatLabel) setAnnouncement(`${newChatLabel} #${chat.requestId ?? ""} ${chat.subject ?? ""}`.trim());
      return true;
    },
    [everyChatEvent, newChatLabel],
  );
  useLiveRefresh(url, { everyMs: refreshEveryMs, onChat });

  if (!newChatLabel) return null;
  return (
    <p role="status" aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );
}
