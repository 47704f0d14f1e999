import "server-only";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { findRequestFor } from "@/server/requests/request-gate";
import { ALL_REQUESTS, type StreamHub, type TypingSignal } from "./hub";
import { streamLogEnd } from "./stream-events";

// A request's live events as Server-Sent Events (docs/realtime.md). The stream is opened through the
// request gate like the page, and the gate is asked again at every wake-up and at least every
// `recheckMs`: a viewer who may no longer see the request (a revoked grant, a removed CC) gets a final
// "gone" event and the stream ends. Events are read from the log after the last position sent — on a
// reconnect, after the browser's Last-Event-ID — so nothing is missed or sent twice, in commit order.
// The same stream serves one request (its page), the rows of a list (My Requests), and every request
// (the agent console: the queue and waiting chats).

export interface StreamOptions {
  hub: StreamHub;
  /** The last event id the browser saw (Last-Event-ID); null: only what happens from now on. */
  after: bigint | null;
  /** The viewer's clock, asked at each check. */
  now: () => Date;
  heartbeatMs?: number;
  recheckMs?: number;
  /** Events read per wake-up at most; more are read at once after. */
  batchSize?: number;
  /** Asked with every access check: false ends the stream (the sign-in session ended, by signing out or otherwise). */
  stillSignedIn?: () => Promise<boolean>;
}

const encoder = new TextEncoder();

function frame(id: bigint | null, event: string, data: unknown): Uint8Array {
  return encoder.encode(`${id === null ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Reads a Last-Event-ID header (or an `after` parameter): a non-negative integer, else none. */
export function parseEventId(value: string | null | undefined): bigint | null {
  return value && /^\d{1,19}$/.test(value.trim()) ? BigInt(value.trim()) : null;
}

/** One request's events: its page, and a chat on it. */
export function openRequestStream(db: Database, viewer: Reader, requestId: number, options: StreamOptions): Promise<Outcome<{ stream: ReadableStream<Uint8Array> }>> {
  return openRequestsStream(db, viewer, [requestId], options);
}

/** The events of the listed requests the viewer may see (a list's rows); none of them visible: not found. */
export async function openRequestsStream(
  db: Database,
  viewer: Reader,
  requestIds: readonly number[],
  options: StreamOptions,
): Promise<Outcome<{ stream: ReadableStream<Uint8Array> }>> {
  const stillVisible = async (ids: readonly number[]) => {
    const seen = await Promise.all(ids.map(async (id) => ((await findRequestFor(db, { ...viewer, now: options.now() }, id, { select: { id: true } })).ok ? id : null)));
    return seen.filter((id): id is number => id !== null);
  };
  const visible = await stillVisible([...new Set(requestIds)]);
  if (visible.length === 0) return notFound();
  return { ok: true, stream: await eventStream(db, { ...options, requestIds: visible, seesInternal: viewer.actor.isAgent, recheck: stillVisible }) };
}

/** Every request's events, for the agent console; for anyone else it does not exist. */
export async function openConsoleStream(db: Database, viewer: Reader, options: StreamOptions): Promise<Outcome<{ stream: ReadableStream<Uint8Array> }>> {
  if (!viewer.actor.isAgent) return notFound();
  return { ok: true, stream: await eventStream(db, { ...options, requestIds: "all", seesInternal: true, recheck: async () => "all" }) };
}

type Scope = readonly number[] | "all";

/** The log after `cursor`, in order, `take` at most: every request's events, or the listed requests'. */
async function readLog(db: Database, cursor: bigint, take: number, scope: Scope) {
  return await db.requestStreamEvent.findMany({
    where: { position: { gt: cursor }, ...(scope === "all" ? {} : { requestId: { in: [...scope] } }) },
    orderBy: { position: "asc" },
    take,
    select: { position: true, requestId: true, type: true, internal: true, data: true, createdAt: true },
  });
}

type LogRead = ReturnType<typeof readLog>;

/** Reads of every request's events waiting to be sent, by database, cursor and size (see readEveryRequestAfter). */
const gatheredReads = new WeakMap<Database, Map<string, LogRead>>();

/**
 * Every request's events after `cursor`, for the console's streams: a change wakes every agent's
 * stream at once, and those at the same position share one read instead of each reading the same
 * rows. A read gathers the streams that ask for it within the same turn of the event loop and is sent
 * after them, so each gets at least what its own read would have; a stream asking once it is sent
 * starts the next one.
 */
function readEveryRequestAfter(db: Database, cursor: bigint, take: number): LogRead {
  const reads = gatheredReads.get(db) ?? new Map<string, LogRead>();
  gatheredReads.set(db, reads);
  const key = `${cursor}/${take}`;
  const gathering = reads.get(key);
  if (gathering) return gathering;
  const read = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    reads.delete(key);
    return readLog(db, cursor, take, "all");
  });
  reads.set(key, read);
  return read;
}

interface EventStreamOptions extends StreamOptions {
  requestIds: Scope;
  seesInternal: boolean;
  /** What the viewer may still follow; an empty list ends the stream. */
  recheck: (requestIds: readonly number[]) => Promise<Scope>;
}

async function eventStream(db: Database, options: EventStreamOptions): Promise<ReadableStream<Uint8Array>> {
  const { heartbeatMs = 15_000, recheckMs = 30_000, batchSize = 100, seesInternal, hub } = options;
  let scope = options.requestIds;
  // Without a Last-Event-ID the stream starts at the log's end: the page the browser has is current.
  let cursor = options.after ?? (await streamLogEnd(db));
  let unsubscribe = () => {};
  let timers: NodeJS.Timeout[] = [];
  let finished = false;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let running = false;
      let again = false;
      let lastCheck = Date.now();
      const stop = () => {
        finished = true;
        unsubscribe();
        for (const timer of timers) clearInterval(timer);
      };
      const finish = () => {
        if (finished) return;
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      const send = (chunk: Uint8Array) => {
        if (!finished) controller.enqueue(chunk);
      };
      /** The gate again for what the stream follows; false once the viewer may see none of it. */
      const stillVisible = async (): Promise<boolean> => {
        if (scope === "all") return true;
        const kept = await options.recheck(scope);
        if (kept !== "all" && kept.length === 0) return false;
        scope = kept;
        return true;
      };
      const gone = () => {
        send(frame(null, "gone", {}));
        finish();
      };

      // One read at a time; a wake-up during a read makes one more read after it.
      const pump = async (forceCheck = false): Promise<void> => {
        if (finished) return;
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          do {
            again = false;
            // Everyone is checked every `recheckMs`: the sign-in session and the gate.
            const due = forceCheck || Date.now() - lastCheck >= recheckMs;
            if (due) {
              lastCheck = Date.now();
              forceCheck = false;
              if ((options.stillSignedIn && !(await options.stillSignedIn())) || !(await stillVisible())) return gone();
            }
            const events = scope === "all" ? await readEveryRequestAfter(db, cursor, batchSize) : await readLog(db, cursor, batchSize, scope);
            // Customers also before anything is sent (a removed CC must not see the next reply); agents see every request.
            if (events.length > 0 && !seesInternal && !due && !(await stillVisible())) return gone();
            for (const event of events) {
              // Committed rows always have their position (the query asks for one greater than the cursor).
              const position = event.position ?? cursor;
              cursor = position;
              if ((event.internal && !seesInternal) || (scope !== "all" && !scope.includes(event.requestId))) continue;
              send(frame(position, event.type, { requestId: event.requestId, at: event.createdAt.toISOString(), ...(event.data as object | null) }));
            }
            if (events.length === batchSize) again = true;
          } while (again && !finished);
        } catch (error) {
          // A failed read (the database restarting) ends the stream; the browser reconnects with its Last-Event-ID.
          if (!finished) controller.error(error);
          stop();
        } finally {
          running = false;
        }
      };

      const typing = (signal: TypingSignal) => send(frame(null, "typing", signal));
      const keys = scope === "all" ? [ALL_REQUESTS] : scope;
      const unsubscribers = keys.map((key) => hub.subscribe(key, { wake: () => void pump(), typing }));
      unsubscribe = () => unsubscribers.forEach((off) => off());
      timers = [setInterval(() => send(encoder.encode(": keep-alive\n\n")), heartbeatMs), setInterval(() => void pump(true), recheckMs)];
      for (const timer of timers) timer.unref();
      // Tell the browser how long to wait before reconnecting, then send what it missed.
      send(encoder.encode("retry: 2000\n\n"));
      void pump();
    },
    cancel() {
      finished = true;
      unsubscribe();
      for (const timer of timers) clearInterval(timer);
    },
  });
}
