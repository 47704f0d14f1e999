import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// Standard Webhooks signatures (https://www.standardwebhooks.com, docs/webhooks.md): the receiver
// gets `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature: v1,<base64>`, the
// HMAC-SHA256 of "<id>.<timestamp>.<body>" under the secret's bytes — the base64 after "whsec_".

export { newWebhookSecret } from "./secret";

const SECRET_PREFIX = "whsec_";

/** How far a timestamp may be from the receiver's clock before the message is refused as replayed. */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
}

function secretBytes(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length === 0) throw new Error("A webhook secret is 'whsec_' and base64.");
  return bytes;
}

function signature(secret: string, id: string, timestamp: number, body: string): string {
  return createHmac("sha256", secretBytes(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
}

/** The headers a message is sent with; `body` is the exact text posted. */
export function signWebhook(secret: string, message: { id: string; timestamp: Date | number; body: string }): WebhookHeaders {
  const timestamp = typeof message.timestamp === "number" ? message.timestamp : Math.floor(message.timestamp.getTime() / 1000);
  return {
    "webhook-id": message.id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": `v1,${signature(secret, message.id, timestamp, message.body)}`,
  };
}

/**
 * What a receiver does: true when one of the signatures (space-separated, as a rotated secret sends
 * two) is ours and the timestamp is within the tolerance of `now`.
 */
export function verifyWebhook(secret: string, headers: Partial<Record<keyof WebhookHeaders, string | undefined>>, body: string, now: Date = new Date()): boolean {
  const id = headers["webhook-id"];
  const timestampText = headers["webhook-timestamp"];
  const signatures = headers["webhook-signature"];
  if (!id || !timestampText || !signatures || !/^\d{1,12}$/.test(timestampText)) return false;
  const timestamp = Number(timestampText);
  if (Math.abs(now.getTime() / 1000 - timestamp) > WEBHOOK_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signature(secret, id, timestamp, body));
  return signatures.split(" ").some((entry) => {
    const [version, value] = entry.split(",", 2);
    if (version !== "v1" || value === undefined) return false;
    const given = Buffer.from(value);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
