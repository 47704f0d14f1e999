import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook, verifyWebhook } from "./signing";

// The Standard Webhooks specification's published test vector: our signature must be theirs.
const vector = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};
const at = (seconds: number) => new Date(seconds * 1000);

describe("webhook signatures", () => {
  it("signs the specification's test vector as it publishes", () => {
    expect(signWebhook(vector.secret, { id: vector.id, timestamp: vector.timestamp, body: vector.body })).toEqual({
      "webhook-id": vector.id,
      "webhook-timestamp": String(vector.timestamp),
      "webhook-signature": vector.signature,
    });
    expect(signWebhook(vector.secret, { id: vector.id, timestamp: at(vector.timestamp + 0.9), body: vector.body })["webhook-signature"]).toBe(vector.signature);
  });

  it("verifies the vector, and refuses another body, id, secret or an old timestamp", () => {
    const headers = { "webhook-id": vector.id, "webhook-timestamp": String(vector.timestamp), "webhook-signature": vector.signature };
    const now = at(vector.timestamp + 60);
    expect(verifyWebhook(vector.secret, headers, vector.body, now)).toBe(true);
    expect(verifyWebhook(vector.secret, { ...headers, "webhook-signature": `v1,bm90IGl0 ${vector.signature}` }, vector.body, now)).toBe(true);
    expect(verifyWebhook(vector.secret, headers, '{"test": 2432232315}', now)).toBe(false);
    expect(verifyWebhook(vector.secret, { ...headers, "webhook-id": "msg_other" }, vector.body, now)).toBe(false);
    expect(verifyWebhook(newWebhookSecret(), headers, vector.body, now)).toBe(false);
    expect(verifyWebhook(vector.secret, headers, vector.body, at(vector.timestamp + 301))).toBe(false);
    expect(verifyWebhook(vector.secret, { ...headers, "webhook-signature": vector.signature.replace("v1", "v1a") }, vector.body, now)).toBe(false);
    expect(verifyWebhook(vector.secret, { ...headers, "webhook-timestamp": undefined }, vector.body, now)).toBe(false);
  });

  it("makes secrets of 32 random bytes that sign and verify", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(32);
    expect(newWebhookSecret()).not.toBe(secret);
    const now = new Date();
    const headers = signWebhook(secret, { id: "msg_1", timestamp: now, body: "{}" });
    expect(verifyWebhook(secret, headers, "{}", now)).toBe(true);
  });
});
