import "server-only";
import type { Database } from "@/server/db/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { findRequestFor } from "@/server/requests/request-gate";
import type { StreamHub } from "./hub";

// A request's live events as Server-Sent Events (docs/realtime.md). The stream is opened through the
// request gate like the page, and the gate is asked again at every wake-up and at least every
// `recheckMs`: a viewer who may no longer see the request (a revoked grant, a removed CC) gets a final
// "gone" event and the stream ends. Events are read from the log after the last id sent — on a
// reconnect, after the browser's Last-Event-ID — so nothing is missed or sent twice, in the log's order.

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
}

const encoder = new TextEncoder();

function frame(id: bigint | null, event: string, data: unknown): Uint8Array {
  return encoder.encode(`${id === null ? "" : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** Reads a Last-Event-ID header (or an `after` parameter): a non-negative integer, else none. */
export function parseEventId(value: string | null | undefined): bigint | null {
  return value && /^\d{1,19}$/.test(value.trim()) ? BigInt(value.trim()) : null;
}

export async function openRequestStream(db: Database, viewer: Reader, requestId: number, options: StreamOptions): Promise<Outcome<{ stream: ReadableStream<Uint8Array> }>> {
  const { heartbeatMs = 15_000, recheckMs = 30_000, batchSize = 100 } = options;
  const visible = async () => (await findRequestFor(db, { ...viewer, now: options.now() }, requestId, { select: { id: true } })).ok;
  if (!(await visible())) return notFound();

  // Without a Last-Event-ID the stream starts at the log's end: the page the browser has is current.
  let cursor = options.after ?? (await db.requestStreamEvent.findFirst({ where: { requestId }, orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
  const seesInternal = viewer.actor.isAgent;
  let unsubscribe = () => {};
  let timers: NodeJS.Timeout[] = [];
  let finished = false;

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let running = false;
      let again = false;
      let lastCheck = Date.now();
      const finish = () => {
        if (finished) return;
        finished = true;
        unsubscribe();
        for (const timer of timers) clearInterval(timer);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
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
            if (forceCheck || Date.now() - lastCheck >= recheckMs || !seesInternal) {
              lastCheck = Date.now();
              if (!(await visible())) {
                controller.enqueue(frame(null, "gone", {}));
                finish();
                return;
              }
            }
            const events = await db.requestStreamEvent.findMany({
              where: { requestId, id: { gt: cursor } },
              orderBy: { id: "asc" },
              take: batchSize,
              select: { id: true, type: true, internal: true, data: true, createdAt: true },
            });
            for (const event of events) {
              cursor = event.id;
              if (event.internal && !seesInternal) continue;
              controller.enqueue(frame(event.id, event.type, { requestId, at: event.createdAt.toISOString(), ...(event.data as object | null) }));
            }
            if (events.length === batchSize) again = true;
          } while (again && !finished);
        } catch (error) {
          // A failed read (the database restarting) ends the stream; the browser reconnects with its Last-Event-ID.
          controller.error(error);
          finished = true;
          unsubscribe();
          for (const timer of timers) clearInterval(timer);
        } finally {
          running = false;
        }
      };

      unsubscribe = options.hub.subscribe(requestId, () => void pump());
      timers = [
        setInterval(() => {
          if (!finished) controller.enqueue(encoder.encode(": keep-alive\n\n"));
        }, heartbeatMs),
        setInterval(() => void pump(true), recheckMs),
      ];
      for (const timer of timers) timer.unref();
      // Tell the browser how long to wait before reconnecting, then send what it missed.
      controller.enqueue(encoder.encode("retry: 2000\n\n"));
      void pump();
    },
    cancel() {
      finished = true;
      unsubscribe();
      for (const timer of timers) clearInterval(timer);
    },
  });
  return { ok: true, stream };
}
