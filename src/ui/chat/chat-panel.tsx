"use client";

import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";

// A live chat on a request (docs/realtime.md, "Chat"), for the customer on the request page and for
// the agent in the console. It starts from the lines the page rendered and follows the request's
// stream from `after`, so a line is never missed and, kept by id, never shown twice. A line one sends
// shows at once; the text stays in the box until the server has it, and a line that did not go
// through stays with a Retry: nothing typed is lost.

export interface ChatPanelLine {
  id: string;
  body: string;
  side: "customer" | "agent";
  authorName: string;
  /** ISO 8601. */
  sentAt: string;
}

/** Texts from the "chat" namespace (chatPanelLabels); `{name}` is filled in here. */
export interface ChatPanelLabels {
  /** The app's language, for the times of the lines. */
  locale: string;
  /** The reader's time zone, for the times of the lines. */
  timeZone: string;
  log: string;
  waiting: string;
  joined: string;
  tookOver: string;
  ended: string;
  typing: string;
  you: string;
  chattingWith: string;
  sending: string;
  notSent: string;
  retry: string;
  message: string;
  composerHint: string;
  send: string;
  end: string;
  ending: string;
  endFailed: string;
  reconnecting: string;
}

export interface ChatPanelProps {
  chatId: string;
  requestId: number;
  side: "customer" | "agent";
  status: "waiting" | "active" | "ended";
  customerName: string;
  agentName: string | null;
  lines: ChatPanelLine[];
  /** The stream position the lines were read at: the stream resumes after it. */
  after: string;
  canWrite: boolean;
  labels: ChatPanelLabels;
}

type ChatFrame =
  | { kind: "waiting"; chatId: string }
  | { kind: "joined" | "transferred"; chatId: string; agentName: string }
  | {
      kind: "message";
      chatId: string;
      message: ChatPanelLine & { clientId: string | null };
    }
  | { kind: "ended"; chatId: string; endedBy: string };

/** What arrived from the stream besides the page's lines: lines, and who joined, took over, ended. */
type Arrival = { type: "line"; line: ChatPanelLine; seq: number } | { type: "notice"; key: string; text: string; at: string; seq: number };

interface Outgoing {
  clientId: string;
  body: string;
  state: "sending" | "failed";
  /** Set once the server has stored it; the line is then shown from the stream. */
  messageId?: string;
}

const STATUS_RANK = { waiting: 0, active: 1, ended: 2 } as const;
const TYPING_SHOWN_MS = 4_000;
/** How long "The chat has ended" stays before the page shows the chat as a transcript in the thread. */
const ENDED_SHOWN_MS = 3_000;
const TYPING_SENT_EVERY_MS = 3_000;

const fill = (template: string, name: string) => template.replaceAll("{name}", name);

function newClientId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : `c${Date.now()}${Math.random().toString(36).slice(2)}`;
}

export function ChatPanel({ chatId, requestId, side, status, customerName, agentName, lines, after, canWrite, labels }: ChatPanelProps) {
  const router = useRouter();
  const [arrivals, setArrivals] = useState<Arrival[]>([]);
  const [outgoing, setOutgoing] = useState<Outgoing[]>([]);
  const [draft, setDraft] = useState("");
  const [typingName, setTypingName] = useState<string | null>(null);
  const [heardStatus, setHeardStatus] = useState<"waiting" | "active" | "ended">("waiting");
  const [heardAgent, setHeardAgent] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const [endFailed, setEndFailed] = useState(false);
  const [connected, setConnected] = useState(true);
  // The reader's own time zone, the one every other date of the page is shown in.
  const timeZone = labels.timeZone;
  const lastTypingSent = useRef(0);
  const sequence = useRef(0);
  // The first position only: a refreshed page brings a newer `after`, but the open stream goes on.
  const startAfter = useRef(after);
  // The stream's handlers read the newest texts without reconnecting when the page refreshes.
  const labelsRef = useRef(labels);
  useEffect(() => {
    labelsRef.current = labels;
  }, [labels]);

  const currentStatus = STATUS_RANK[heardStatus] > STATUS_RANK[status] ? heardStatus : status;
  const currentAgent = heardAgent ?? agentName;

  useEffect(() => {
    let source: EventSource | null = null;
    let lastId = startAfter.current;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let refreshing: ReturnType<typeof setTimeout> | undefined;
    let typingOff: ReturnType<typeof setTimeout> | undefined;
    let backoff = 2_000;
    let closed = false;
    // Once the chat ended, the page keeps its panel until the notice has been read.
    let refreshNotBefore = 0;
    // Several events in a burst (a line that also changes the request) make one refresh.
    const refresh = () => {
      clearTimeout(refreshing);
      refreshing = setTimeout(() => router.refresh(), Math.max(150, refreshNotBefore - Date.now()));
    };
    const remember = (event: MessageEvent) => {
      if (event.lastEventId) lastId = event.lastEventId;
    };
    const notice = (key: string, text: string, at: string) =>
      setArrivals((known) => (known.some((item) => item.type === "notice" && item.key === key) ? known : [...known, { type: "notice", key, text, at, seq: sequence.current++ }]));

    const onChat = (event: MessageEvent) => {
      remember(event);
      const data = JSON.parse(event.data as string) as ChatFrame & {
        at: string;
      };
      if (data.chatId !== chatId) return;
      const l = labelsRef.current;
      switch (data.kind) {
        case "message": {
          const { clientId, ...line } = data.message;
          setArrivals((known) => (known.some((item) => item.type === "line" && item.line.id === line.id) ? known : [...known, { type: "line", line, seq: sequence.current++ }]));
          setOutgoing((mine) => mine.filter((sent) => sent.messageId !== line.id && (clientId === null || sent.clientId !== clientId)));
          if (line.side !== side) setTypingName(null);
          break;
        }
        case "joined":
        case "transferred":
          setHeardStatus((was) => (was === "ended" ? was : "active"));
          setHeardAgent(data.agentName);
          notice(`${event.lastEventId}`, fill(data.kind === "joined" ? l.joined : l.tookOver, data.agentName), data.at);
          break;
        case "ended":
          setHeardStatus("ended");
          setTypingName(null);
          notice("ended", l.ended, data.at);
          // The page shows the transcript in the thread now, once the notice has been seen.
          refreshNotBefore = Date.now() + ENDED_SHOWN_MS;
          refresh();
          break;
      }
    };
    const onTyping = (event: MessageEvent) => {
      const data = JSON.parse(event.data as string) as {
        chatId: string;
        side: string;
        name: string;
      };
      if (data.chatId !== chatId || data.side === side) return;
      setTypingName(data.name);
      clearTimeout(typingOff);
      typingOff = setTimeout(() => setTypingName(null), TYPING_SHOWN_MS);
    };
    const open = () => {
      source = new EventSource(`/api/requests/${requestId}/events?after=${encodeURIComponent(lastId)}`);
      source.addEventListener("open", () => {
        backoff = 2_000;
        setConnected(true);
      });
      source.addEventListener("chat", onChat);
      source.addEventListener("typing", onTyping);
      source.addEventListener("changed", (event) => {
        remember(event);
        refresh();
      });
      source.addEventListener("gone", () => {
        closed = true;
        source?.close();
        router.refresh();
      });
      source.addEventListener("error", () => {
        // The browser reconnects by itself (with Last-Event-ID) unless the answer was not a stream.
        if (source?.readyState !== EventSource.CLOSED || closed) {
          setConnected(false);
          return;
        }
        setConnected(false);
        retry = setTimeout(open, backoff);
        backoff = Math.min(backoff * 2, 60_000);
      });
    };
    open();
    return () => {
      closed = true;
      clearTimeout(retry);
      clearTimeout(refreshing);
      clearTimeout(typingOff);
      source?.close();
    };
  }, [chatId, requestId, side, router]);

  // The page's lines (a refresh brings newer ones) and the stream's, once each, in time order.
  const shown = useMemo(() => {
    const items: Array<{
      key: string;
      at: number;
      seq: number;
      line?: ChatPanelLine;
      notice?: string;
    }> = [];
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      seen.add(line.id);
      items.push({
        key: line.id,
        at: Date.parse(line.sentAt),
        seq: index - lines.length,
        line,
      });
    });
    for (const item of arrivals) {
      if (item.type === "line") {
        if (seen.has(item.line.id)) continue;
        seen.add(item.line.id);
        items.push({
          key: item.line.id,
          at: Date.parse(item.line.sentAt),
          seq: item.seq,
          line: item.line,
        });
      } else {
        items.push({
          key: `notice-${item.key}`,
          at: Date.parse(item.at),
          seq: item.seq,
          notice: item.text,
        });
      }
    }
    return { items: items.sort((a, b) => a.at - b.at || a.seq - b.seq), seen };
  }, [lines, arrivals]);
  const pendingLines = outgoing.filter((sent) => !(sent.messageId && shown.seen.has(sent.messageId)));

  const timeFormat = useMemo(
    () =>
      new Intl.DateTimeFormat(labels.locale, {
        hour: "2-digit",
        minute: "2-digit",
        timeZone,
      }),
    [labels.locale, timeZone],
  );
  const time = (iso: string) => {
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? "" : timeFormat.format(at);
  };

  const deliver = async (clientId: string, body: string) => {
    try {
      const response = await fetch(`/api/chats/${encodeURIComponent(chatId)}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body, clientId }),
      });
      if (!response.ok) throw new Error(String(response.status));
      const { messageId } = (await response.json()) as { messageId: string };
      setOutgoing((mine) => mine.map((sent) => (sent.clientId === clientId ? { ...sent, messageId } : sent)));
      // The server has it: the box may be emptied, unless the person has written on since.
      setDraft((text) => (text.replace(/\r\n?/g, "\n") === body ? "" : text));
    } catch {
      setOutgoing((mine) => mine.map((sent) => (sent.clientId === clientId ? { ...sent, state: "failed" } : sent)));
    }
  };
  // Lines go to the server one at a time, so they are stored, and read by everyone, in the order typed.
  const sending = useRef<Promise<void>>(Promise.resolve());
  const post = (clientId: string, body: string) => {
    setOutgoing((mine) => mine.map((sent) => (sent.clientId === clientId ? { ...sent, state: "sending" } : sent)));
    sending.current = sending.current.then(() => deliver(clientId, body));
  };

  const send = () => {
    const body = draft.replace(/\r\n?/g, "\n");
    if (body.trim() === "") return;
    // Sending the same text again after a failure retries that line instead of adding another.
    const failed = outgoing.find((sent) => sent.state === "failed" && sent.body === body);
    if (failed) return post(failed.clientId, body);
    if (outgoing.some((sent) => sent.state === "sending" && !sent.messageId && sent.body === body)) return;
    const clientId = newClientId();
    setOutgoing((mine) => [...mine, { clientId, body, state: "sending" }]);
    post(clientId, body);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const onChange = (text: string) => {
    setDraft(text);
    const now = Date.now();
    if (text.trim() !== "" && now - lastTypingSent.current >= TYPING_SENT_EVERY_MS) {
      lastTypingSent.current = now;
      void fetch(`/api/chats/${encodeURIComponent(chatId)}/typing`, {
        method: "POST",
      }).catch(() => {});
    }
  };

  const endTheChat = async () => {
    setEnding(true);
    setEndFailed(false);
    try {
      const response = await fetch(`/api/chats/${encodeURIComponent(chatId)}/end`, { method: "POST" });
      // Already ended (by the other side, or idle): the same outcome for this panel.
      if (!response.ok && response.status !== 422) throw new Error(String(response.status));
      setHeardStatus("ended");
      router.refresh();
    } catch {
      setEndFailed(true);
    } finally {
      setEnding(false);
    }
  };

  const writable = canWrite && currentStatus !== "ended";
  const hintId = `chat-${chatId}-hint`;
  const inputId = `chat-${chatId}-message`;
  const other = side === "customer" ? currentAgent : customerName;

  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      {currentStatus === "active" && other && <p className="border-b border-slate-200 px-4 py-2 text-sm text-slate-700">{fill(labels.chattingWith, other)}</p>}
      <div role="log" aria-live="polite" aria-label={labels.log} className="max-h-[28rem] space-y-3 overflow-y-auto p-4">
        {shown.items.map((item) =>
          item.line ? (
            <ChatLineView key={item.key} line={item.line} mine={item.line.side === side} time={time(item.line.sentAt)} youLabel={labels.you} />
          ) : (
            <p key={item.key} className="text-center text-sm text-slate-600">
              {item.notice}
            </p>
          ),
        )}
        {pendingLines.map((sent) => (
          <div key={sent.clientId} className="ml-auto max-w-[85%] rounded-lg bg-indigo-50 px-3 py-2 ring-1 ring-indigo-200">
            <p className="text-xs font-medium text-slate-700">{labels.you}</p>
            <p className="whitespace-pre-wrap break-words text-slate-900">{sent.body}</p>
            {sent.state === "failed" ? (
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm font-medium text-red-700">
                {labels.notSent}
                <button
                  type="button"
                  onClick={() => post(sent.clientId, sent.body)}
                  className="rounded border border-red-700 px-2 py-0.5 text-red-700 hover:bg-red-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-red-700"
                >
                  {labels.retry}
                </button>
              </p>
            ) : (
              !sent.messageId && <p className="mt-1 text-xs text-slate-600">{labels.sending}</p>
            )}
          </div>
        ))}
        {currentStatus === "waiting" && side === "customer" && <p className="text-center text-sm text-slate-700">{labels.waiting}</p>}
      </div>
      <p aria-live="polite" className="min-h-6 px-4 text-sm italic text-slate-600">
        {typingName ? fill(labels.typing, typingName) : ""}
      </p>
      {!connected && currentStatus !== "ended" && (
        <p role="status" className="px-4 text-sm text-amber-800">
          {labels.reconnecting}
        </p>
      )}
      {writable && (
        <form onSubmit={onSubmit} className="border-t border-slate-200 p-4">
          <label htmlFor={inputId} className="block font-medium">
            {labels.message}
          </label>
          <p id={hintId} className="text-sm text-slate-600">
            {labels.composerHint}
          </p>
          <textarea
            id={inputId}
            rows={3}
            value={draft}
            onChange={(event) => onChange(event.target.value)}
            onKeyDown={onKeyDown}
            aria-describedby={hintId}
            className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30"
          />
          <div className="mt-3 flex flex-wrap items-center gap-3">
            <button
              type="submit"
              className="rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700"
            >
              {labels.send}
            </button>
            <button
              type="button"
              onClick={() => void endTheChat()}
              disabled={ending}
              className="rounded-md border border-slate-400 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700"
            >
              {ending ? labels.ending : labels.end}
            </button>
            {endFailed && (
              <p role="alert" className="text-sm font-medium text-red-700">
                {labels.endFailed}
              </p>
            )}
          </div>
        </form>
      )}
    </div>
  );
}

function ChatLineView({ line, mine, time, youLabel }: { line: ChatPanelLine; mine: boolean; time: string; youLabel: string }) {
  return (
    <div className={mine ? "ml-auto max-w-[85%] rounded-lg bg-indigo-50 px-3 py-2 ring-1 ring-indigo-200" : "mr-auto max-w-[85%] rounded-lg bg-slate-100 px-3 py-2 ring-1 ring-slate-200"}>
      <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-700">
        <span className="font-medium">{mine ? youLabel : line.authorName}</span>
        <time dateTime={line.sentAt}>{time}</time>
      </p>
      {/* Plain text, as written: React escapes it; line breaks are kept. */}
      <p className="whitespace-pre-wrap break-words text-slate-900">{line.body}</p>
    </div>
  );
}
