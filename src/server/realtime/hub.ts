import "server-only";
import pg from "pg";
import { readServerConfig } from "@/config/env";

// One per server process: wakes the streams of a request when its stream log grows (docs/realtime.md).
// On a PostgreSQL server a dedicated connection LISTENs on "request_events" (the table's trigger
// NOTIFYs the request id at commit), so every instance hears every other's changes; after that
// connection drops, every stream is woken once it is back, for what it may have missed. The embedded
// database serves a single connection, so there the hub looks every second instead. Either way the
// wake-up only says "look": each stream reads the log itself, after the last id it sent.

export type Wake = () => void;

export interface StreamHub {
  /** Calls `wake` whenever the request may have new events; returns the unsubscribe. */
  subscribe(requestId: number, wake: Wake): () => void;
  close(): Promise<void>;
}

export interface HubOptions {
  /** A PostgreSQL server to LISTEN on; undefined: look every `pollMs`. */
  listenUrl?: string;
  pollMs?: number;
  log?: Pick<Console, "error">;
}

export const REQUEST_EVENTS_CHANNEL = "request_events";

export function createStreamHub(options: HubOptions = {}): StreamHub {
  const { listenUrl, pollMs = 1_000, log = console } = options;
  const subscribers = new Map<number, Set<Wake>>();
  let client: pg.Client | null = null;
  let connecting = false;
  let closed = false;
  let poll: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;

  const wakeAll = () => {
    for (const wakes of subscribers.values()) for (const wake of wakes) wake();
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
        const requestId = Number(message.payload);
        for (const wake of subscribers.get(requestId) ?? []) wake();
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
    subscribe(requestId, wake) {
      const wakes = subscribers.get(requestId) ?? new Set<Wake>();
      wakes.add(wake);
      subscribers.set(requestId, wakes);
      if (listenUrl) void listen();
      else startPolling();
      return () => {
        wakes.delete(wake);
        if (wakes.size === 0) subscribers.delete(requestId);
      };
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

const holder = globalThis as typeof globalThis & { porticoStreamHub?: StreamHub };

/** This process's hub: LISTEN on a PostgreSQL server, polling on the embedded database (one connection). */
export function getStreamHub(): StreamHub {
  if (!holder.porticoStreamHub) {
    const config = readServerConfig();
    holder.porticoStreamHub = createStreamHub({ listenUrl: config.databasePoolMax > 1 ? config.databaseUrl : undefined });
  }
  return holder.porticoStreamHub;
}
