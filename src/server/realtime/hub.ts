import "server-only";
import pg from "pg";
import { readServerConfig } from "@/config/env";

// One per server process: wakes the streams of a request when its stream log grows (docs/realtime.md).
// On a PostgreSQL server a dedicated connection LISTENs on "request_events" (the table's trigger
// NOTIFYs the request id at commit), so every instance hears every other's changes; after that
// connection drops, every stream is woken once it is back, for what it may have missed. The embedded
// database serves a single connection, so there the hub looks every second instead. Either way the
// wake-up only says "look": each stream reads the log itself, after the last id it sent.
// Typing indicators are the one thing not stored: they travel as a NOTIFY of their own (in-process on
// the embedded database), and a browser that misses one loses nothing but a moment of "typing…".

export type Wake = () => void;

/** Someone is typing in a chat: shown for a few seconds, never stored. */
export interface TypingSignal {
  requestId: number;
  chatId: string;
  side: "customer" | "agent";
  name: string;
}

export interface Subscriber {
  wake: Wake;
  typing?: (signal: TypingSignal) => void;
}

/** Every request: the agent console's stream. */
export const ALL_REQUESTS = 0;

export interface StreamHub {
  /** Calls `wake` whenever the request (or, for ALL_REQUESTS, any request) may have new events; returns the unsubscribe. */
  subscribe(requestId: number, subscriber: Wake | Subscriber): () => void;
  /** Wakes this instance's streams of the request at once (after a write here), without waiting for the NOTIFY or the next poll. */
  nudge(requestId: number): void;
  /** Tells the request's subscribers, on every instance, that someone is typing. */
  publishTyping(signal: TypingSignal): Promise<void>;
  close(): Promise<void>;
}

export interface HubOptions {
  /** A PostgreSQL server to LISTEN on; undefined: look every `pollMs`. */
  listenUrl?: string;
  pollMs?: number;
  log?: Pick<Console, "error">;
}

export const REQUEST_EVENTS_CHANNEL = "request_events";
export const TYPING_CHANNEL = "chat_typing";

export function createStreamHub(options: HubOptions = {}): StreamHub {
  const { listenUrl, pollMs = 1_000, log = console } = options;
  const subscribers = new Map<number, Set<Subscriber>>();
  let client: pg.Client | null = null;
  let connecting = false;
  let closed = false;
  let poll: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;

  const wakeAll = () => {
    for (const group of subscribers.values()) for (const subscriber of group) subscriber.wake();
  };
  const wakeRequest = (requestId: number) => {
    for (const subscriber of subscribers.get(requestId) ?? []) subscriber.wake();
    for (const subscriber of subscribers.get(ALL_REQUESTS) ?? []) subscriber.wake();
  };
  const deliverTyping = (signal: TypingSignal) => {
    for (const subscriber of subscribers.get(signal.requestId) ?? []) subscriber.typing?.(signal);
  };
  const startPolling = () => {
    if (poll || closed) return;
    poll = setInterval(wakeAll, pollMs);
    poll.unref();
  };
  const stopPolling = () => {
    clearInterval(poll);
    poll = undefined;
  };

  async function listen(delayMs = 0): Promise<void> {
    if (!listenUrl || client || connecting || closed) return;
    connecting = true;
    const next = new pg.Client({ connectionString: listenUrl });
    try {
      await next.connect();
      next.on("notification", (message) => {
        if (message.channel === TYPING_CHANNEL) {
          const signal = readTypingSignal(message.payload);
          if (signal) deliverTyping(signal);
        } else {
          wakeRequest(Number(message.payload));
        }
      });
      next.on("error", (error) => {
        log.error("Live updates: the listening connection failed; looking every second until it is back.", error);
        client = null;
        void next.end().catch(() => {});
        startPolling();
        retry = setTimeout(() => void listen(Math.min(Math.max(delayMs * 2, 1_000), 30_000)), Math.max(delayMs, 1_000));
        retry.unref();
      });
      await next.query(`LISTEN ${REQUEST_EVENTS_CHANNEL}`);
      await next.query(`LISTEN ${TYPING_CHANNEL}`);
      client = next;
      stopPolling();
      // Whatever happened while nobody listened is read now.
      wakeAll();
    } catch (error) {
      log.error("Live updates: cannot LISTEN; looking every second.", error);
      void next.end().catch(() => {});
      startPolling();
      retry = setTimeout(() => void listen(Math.min(Math.max(delayMs * 2, 1_000), 30_000)), Math.max(delayMs, 1_000));
      retry.unref();
    } finally {
      connecting = false;
    }
  }

  return {
    subscribe(requestId, given) {
      const subscriber: Subscriber = typeof given === "function" ? { wake: given } : given;
      const group = subscribers.get(requestId) ?? new Set<Subscriber>();
      group.add(subscriber);
      subscribers.set(requestId, group);
      if (listenUrl) void listen();
      else startPolling();
      return () => {
        group.delete(subscriber);
        if (group.size === 0) subscribers.delete(requestId);
      };
    },
    // Listening, the NOTIFY follows within milliseconds and wakes everyone once; a nudge too would read twice.
    nudge: (requestId) => {
      if (!client) wakeRequest(requestId);
    },
    async publishTyping(signal) {
      // Through PostgreSQL when listening, so the other instances hear it too (and this one with them).
      if (client) {
        await client.query("SELECT pg_notify($1, $2)", [TYPING_CHANNEL, JSON.stringify(signal)]).catch(() => deliverTyping(signal));
      } else {
        deliverTyping(signal);
      }
    },
    async close() {
      closed = true;
      stopPolling();
      clearTimeout(retry);
      const open = client;
      client = null;
      await open?.end().catch(() => {});
    },
  };
}

function readTypingSignal(payload: string | undefined): TypingSignal | null {
  try {
    const value = JSON.parse(payload ?? "") as Partial<TypingSignal>;
    if (typeof value.requestId !== "number" || typeof value.chatId !== "string" || typeof value.name !== "string") return null;
    if (value.side !== "customer" && value.side !== "agent") return null;
    return { requestId: value.requestId, chatId: value.chatId, side: value.side, name: value.name };
  } catch {
    return null;
  }
}

const holder = globalThis as typeof globalThis & { porticoStreamHub?: StreamHub };

/** This process's hub: LISTEN on a PostgreSQL server, polling on the embedded database (one connection). */
export function getStreamHub(): StreamHub {
  if (!holder.porticoStreamHub) {
    const config = readServerConfig();
    holder.porticoStreamHub = createStreamHub({ listenUrl: config.databasePoolMax > 1 ? config.databaseUrl : undefined });
  }
  return holder.porticoStreamHub;
}
