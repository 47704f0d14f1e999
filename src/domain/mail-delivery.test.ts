import { describe, expect, it } from "vitest";
import { HOUR, MINUTE } from "./clock";
import { deliveryFailure, MAX_DELIVERY_ATTEMPTS, nextDeliveryAttempt } from "./mail-delivery";

const now = new Date("2026-11-30T10:00:00Z");
const after = (ms: number) => new Date(now.getTime() + ms);

describe("mail delivery retries", () => {
  it("reads 5xx replies as refusals for good, and 4xx replies or no reply as worth another try", () => {
    expect(deliveryFailure(550)).toBe("permanent");
    expect(deliveryFailure(554)).toBe("permanent");
    expect(deliveryFailure(421)).toBe("temporary");
    expect(deliveryFailure(451)).toBe("temporary");
    expect(deliveryFailure(undefined)).toBe("temporary");
  });

  it("waits a minute, then twice as long each time, at most four hours", () => {
    expect(nextDeliveryAttempt(1, "temporary", now)).toEqual(after(MINUTE));
    expect(nextDeliveryAttempt(2, "temporary", now)).toEqual(after(2 * MINUTE));
    expect(nextDeliveryAttempt(3, "temporary", now)).toEqual(after(4 * MINUTE));
    expect(nextDeliveryAttempt(7, "temporary", now)).toEqual(after(64 * MINUTE));
    const waits = Array.from({ length: MAX_DELIVERY_ATTEMPTS - 1 }, (_, index) => nextDeliveryAttempt(index + 1, "temporary", now));
    for (const wait of waits) expect(wait!.getTime() - now.getTime()).toBeLessThanOrEqual(4 * HOUR);
  });

  it("gives up after the last attempt, and at once on a permanent refusal", () => {
    expect(nextDeliveryAttempt(MAX_DELIVERY_ATTEMPTS, "temporary", now)).toBeNull();
    expect(nextDeliveryAttempt(1, "permanent", now)).toBeNull();
  });
});
