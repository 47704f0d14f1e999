import { describe, expect, it } from "vitest";
import { readReplyAddress, readUnsubscribeToken, replyAddress, unsubscribeToken } from "./signing";

const from = { name: "Support", local: "support", domain: "portico.test" };
const oldKey = { id: "k1", secret: "a".repeat(40) };
const newKey = { id: "k2", secret: "b".repeat(40) };

describe("signed reply addresses", () => {
  it("names the request, verifies, and survives a mail server changing the case", () => {
    const address = replyAddress([oldKey], from, 1042);
    expect(address).toMatch(/^support\+1042\.k1[a-z2-7]{26}@portico\.test$/);
    expect(readReplyAddress([oldKey], from, address)).toEqual({ valid: true, requestId: 1042 });
    expect(readReplyAddress([oldKey], from, address.toUpperCase())).toEqual({ valid: true, requestId: 1042 });
  });

  it("refuses an altered signature, another request's number, and a key it does not hold", () => {
    const address = replyAddress([oldKey], from, 1042);
    const altered = address.replace(/k1(.)/, (_, first: string) => `k1${first === "a" ? "b" : "a"}`);
    expect(readReplyAddress([oldKey], from, altered)).toEqual({ valid: false, requestId: 1042 });
    expect(readReplyAddress([oldKey], from, address.replace("1042", "1043"))).toEqual({ valid: false, requestId: 1043 });
    expect(readReplyAddress([newKey], from, address)).toEqual({ valid: false, requestId: 1042 });
    expect(readReplyAddress([oldKey], from, "support+garbage@portico.test")).toEqual({ valid: false, requestId: null });
  });

  it("ignores addresses that are not plus addresses of the support mailbox", () => {
    expect(readReplyAddress([oldKey], from, "support@portico.test")).toBeNull();
    expect(readReplyAddress([oldKey], from, "alice@acme.test")).toBeNull();
    expect(readReplyAddress([oldKey], from, "support+1042.k1abc@elsewhere.test")).toBeNull();
  });

  it("rotates keys: the new key signs, the old one still verifies what it signed", () => {
    const before = replyAddress([oldKey], from, 7);
    const after = replyAddress([newKey, oldKey], from, 7);
    expect(after).toContain("+7.k2");
    expect(readReplyAddress([newKey, oldKey], from, before)).toEqual({ valid: true, requestId: 7 });
    expect(readReplyAddress([newKey, oldKey], from, after)).toEqual({ valid: true, requestId: 7 });
  });
});

describe("unsubscribe tokens", () => {
  it("carry who and what, and refuse any change", () => {
    const token = unsubscribeToken([oldKey], "cuser123", "agent_reply");
    expect(readUnsubscribeToken([oldKey], token)).toEqual({ userId: "cuser123", kind: "agent_reply" });
    expect(readUnsubscribeToken([oldKey], token.replace("agent_reply", "reminder"))).toBeNull();
    expect(readUnsubscribeToken([oldKey], token.replace("cuser123", "cuser124"))).toBeNull();
    expect(readUnsubscribeToken([oldKey], "nonsense")).toBeNull();
  });

  it("work for any account id a mail is written to: a cuid, a demo id, a longer id made by a script", () => {
    for (const userId of ["cm4x7k2p90000abcd1234efgh", "seed-user-alice", `unsub-${"0123abcd-".repeat(4)}0123`]) {
      expect(readUnsubscribeToken([oldKey], unsubscribeToken([oldKey], userId, "reminder"))).toEqual({ userId, kind: "reminder" });
    }
  });
});
