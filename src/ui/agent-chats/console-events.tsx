"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { chatEventChangesPage, type ChatEvent, type ChatLinesFrom } from "@/ui/live/chat-refresh";
import { useLiveRefresh } from "@/ui/live/use-live-refresh";

// Keeps a console page current (docs/realtime.md): the console's stream carries every request's
// events, and the page's server parts are fetched again — at most every `refreshEveryMs`, with one
// last refresh after a burst so the final state is always shown. What the agent typed or chose in a
// form stays: a refresh leaves client state in place. With `newChatLabel`, a new waiting chat is also
// announced. `after` is where the rendered page stood in the stream, so that nothing between the
// rendering and the connection is missed; the browser resumes from the last event it saw after that.

const NO_LINES: ChatLinesFrom = [];

export function ConsoleEvents(props: {
  refreshEveryMs: number;
  after?: string;
  newChatLabel?: string;
  /** Whose chat lines change the page (chat-refresh.ts): the queue shows its rows' last activity. None by default. */
  chatLinesFrom?: ChatLinesFrom;
}) {
  const { refreshEveryMs, newChatLabel, chatLinesFrom = NO_LINES } = props;
  const [announcement, setAnnouncement] = useState("");
  // Only the first rendering's position: later ones (each refresh) keep the same stream.
  const [url] = useState(() => `/api/agent/events${props.after ? `?after=${encodeURIComponent(props.after)}` : ""}`);

  // The rows change with every refresh; the stream must not restart with them (it would start again at the log's end).
  const linesFrom = useRef(chatLinesFrom);
  useEffect(() => {
    linesFrom.current = chatLinesFrom;
  }, [chatLinesFrom]);

  const onChat = useCallback(
    (data: unknown) => {
      const chat = (data ?? {}) as ChatEvent;
      if (chat.kind === "waiting" && newChatLabel) setAnnouncement(`${newChatLabel} #${chat.requestId ?? ""} ${chat.subject ?? ""}`.trim());
      return chatEventChangesPage(chat, linesFrom.current);
    },
    [newChatLabel],
  );
  useLiveRefresh(url, { everyMs: refreshEveryMs, onChat });

  if (!newChatLabel) return null;
  return (
    <p role="status" aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );
}
