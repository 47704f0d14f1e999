import "server-only";
import { randomBytes } from "node:crypto";

/** A new signing secret as Standard Webhooks writes one: "whsec_" and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}
