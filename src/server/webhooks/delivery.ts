import "server-only";
import { HOUR, MINUTE } from "@/domain";
import type { Database } from "@/server/db/client";
import { readWebhookConfig } from "@/config/env";
import { webhookFetch } from "./outbound-http";
import { signWebhook, type WebhookHeaders } from "./signing";

// The webhook delivery job (docs/webhooks.md "Delivery"), like mail's (src/server/mail/delivery.ts):
// each due delivery is claimed with `FOR UPDATE SKIP LOCKED` and a lease, so instances running side
// by side never send the same one; a delivery whose sender died mid-way is taken again once its
// lease has run out. Its attempt number is the fence: only the claim that made the attempt may
// record how it went. A 2xx answer is delivered; anything else — another status, a redirect (never
// followed), no answer within the timeout — is logged as an attempt and tried again later, with a
// growing wait, until the attempts run out.

/** The waits after the 1st, 2nd, … failed attempt; after the last one the delivery has failed. */
export const WEBHOOK_RETRY_WAITS_MS = [30_000, 2 * MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR] as const;
export const MAX_WEBHOOK_ATTEMPTS = WEBHOOK_RETRY_WAITS_MS.length + 1;
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer the log keeps. */
const RESPONSE_BODY_BYTES = 1024;

/** When to try again after `attempts` failed attempts; null to give up. */
export function nextWebhookAttempt(attempts: number, now: Date): Date | null {
  const wait = WEBHOOK_RETRY_WAITS_MS[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}

export interface WebhookDeliveryOptions {
  now: Date;
  batchSize?: number;
  /** How long a claim lasts before another sender may take the delivery again; well above the timeout. */
  leaseMs?: number;
  timeoutMs?: number;
  /** How to POST; by default one that refuses private addresses unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is set (./outbound-http.ts). */
  fetch?: typeof fetch;
}

export interface WebhookDeliveryResult {
  delivered: number;
  /** Failed for now, to be tried again. */
  retried: number;
  /** Given up: out of attempts, or the endpoint is gone or disabled. */
  failed: number;
}

interface ClaimedDelivery {
  id: string;
  endpointId: string;
  messageId: string;
  payload: unknown;
  attempts: number;
}

interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
}

export async function deliverDueWebhooks(db: Database, options: WebhookDeliveryOptions): Promise<WebhookDeliveryResult> {
  const { now, batchSize = 20, leaseMs = 5 * MINUTE, timeoutMs = WEBHOOK_TIMEOUT_MS, fetch: send = webhookFetch(readWebhookConfig().allowPrivateNetworks) } = options;
  // The pass's clock: `now` as it was given, moving on as the pass takes time.
  const started = Date.now();
  const clock = () => new Date(now.getTime() + (Date.now() - started));
  const result: WebhookDeliveryResult = { delivered: 0, retried: 0, failed: 0 };
  const claimed = await db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" d SET status = 'sending', "lockedUntil" = ${new Date(now.getTime() + leaseMs).toISOString()}::timestamp, attempts = d.attempts + 1
    WHERE d.id IN (
      SELECT id FROM "WebhookDelivery"
      WHERE (status = 'queued' AND "nextAttemptAt" <= ${now.toISOString()}::timestamp)
         OR (status = 'sending' AND "lockedUntil" < ${now.toISOString()}::timestamp)
      ORDER BY "nextAttemptAt", "createdAt", id
      LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING d.id, d."endpointId", d."messageId", d.payload, d.attempts`;
  if (claimed.length === 0) return result;

  const endpoints = await db.webhookEndpoint.findMany({
    where: { id: { in: [...new Set(claimed.map((delivery) => delivery.endpointId))] } },
    select: { id: true, url: true, secret: true, enabled: true },
  });
  // The batch is sent side by side: one slow receiver does not hold up the others for long.
  await Promise.all(
    claimed.map(async (delivery) => {
      const fence = { id: delivery.id, status: "sending" as const, attempts: delivery.attempts };
      const endpoint = endpoints.find((candidate) => candidate.id === delivery.endpointId);
      // Disabled since the event: not sent, and the log says why (Redeliver sends it once enabled again).
      if (!endpoint?.enabled) {
        await db.webhookDelivery.updateMany({ where: fence, data: { status: "failed", lockedUntil: null, attempts: { decrement: 1 }, lastError: "The endpoint is disabled." } });
        result.failed++;
        return;
      }
      const at = clock();
      const body = JSON.stringify(delivery.payload);
      const headers = signWebhook(endpoint.secret, { id: delivery.messageId, timestamp: at, body });
      const outcome = await post(send, endpoint.url, headers, body, timeoutMs);
      const ok = outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
      const next = ok ? null : nextWebhookAttempt(delivery.attempts, clock());
      await db.$transaction(async (tx) => {
        const recorded = await tx.webhookDelivery.updateMany({
          where: fence,
          data: {
            status: ok ? "delivered" : next ? "queued" : "failed",
            lockedUntil: null,
            lastStatusCode: outcome.statusCode,
            lastError: outcome.error,
            ...(ok ? { deliveredAt: clock() } : {}),
            ...(next ? { nextAttemptAt: next } : {}),
          },
        });
        // Another sender took the delivery over after our lease ran out: its attempt is the one logged.
        if (recorded.count === 0) return;
        await tx.webhookAttempt.create({ data: { deliveryId: delivery.id, number: delivery.attempts, at, ...outcome }, select: { id: true } });
      });
      if (ok) result.delivered++;
      else if (next) result.retried++;
      else result.failed++;
    }),
  );
  return result;
}

/** One POST: what the receiver answered, or why there was no answer. */
async function post(send: typeof fetch, url: string, headers: WebhookHeaders, body: string, timeoutMs: number): Promise<AttemptOutcome> {
  const started = Date.now();
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await send(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "user-agent": "Portico-Webhooks/1.0" },
      body,
      redirect: "manual",
      signal,
    });
    const responseBody = await firstBytes(response);
    const redirected = response.status >= 300 && response.status < 400;
    return {
      statusCode: response.status,
      error: redirected ? `Redirected${response.headers.get("location") ? ` to ${response.headers.get("location")}` : ""}; redirects are not followed.`.slice(0, 1000) : null,
      responseBody,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    return { statusCode: null, error: describeFailure(error, signal, timeoutMs), responseBody: null, durationMs: Date.now() - started };
  }
}

/** The answer's first kilobyte as text (a NUL is not text PostgreSQL keeps); the rest is not read. */
async function firstBytes(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < RESPONSE_BODY_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } catch {
    // An answer cut off midway keeps what came.
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, RESPONSE_BODY_BYTES);
  return bytes.length === 0 ? null : new TextDecoder().decode(bytes).replaceAll("\u0000", "");
}

function describeFailure(error: unknown, signal: AbortSignal, timeoutMs: number): string {
  if (signal.aborted) return `No answer within ${timeoutMs / 1000} s.`;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof cause?.code === "string" ? cause.code : typeof cause?.message === "string" ? cause.message : null;
  const message = error instanceof Error ? error.message : String(error);
  return (detail ? `${message}: ${detail}` : message).slice(0, 1000);
}
