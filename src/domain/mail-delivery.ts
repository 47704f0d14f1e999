import { HOUR, MINUTE } from "./clock";

// When an email that could not be sent is tried again (docs/email.md "Delivery"). A server that is
// down or answers "try later" (4xx) is retried with a doubling wait; a refusal for good (5xx) is not
// retried at all. After the last attempt the mail is given up ("failed": the dead letter), shown to
// agents on the Mail page.

export const MAX_DELIVERY_ATTEMPTS = 8;
const FIRST_WAIT_MS = MINUTE;
const LONGEST_WAIT_MS = 4 * HOUR;

export type DeliveryFailure = "temporary" | "permanent";

/** An SMTP reply code (or none, for a connection that failed) read as a failure to retry or not. */
export function deliveryFailure(responseCode: number | undefined): DeliveryFailure {
  return responseCode !== undefined && responseCode >= 500 && responseCode < 600 ? "permanent" : "temporary";
}

/** After `attempts` failed attempts: when to try again, or null to give up. */
export function nextDeliveryAttempt(attempts: number, failure: DeliveryFailure, now: Date): Date | null {
  if (failure === "permanent" || attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  const wait = Math.min(FIRST_WAIT_MS * 2 ** Math.max(0, attempts - 1), LONGEST_WAIT_MS);
  return new Date(now.getTime() + wait);
}
