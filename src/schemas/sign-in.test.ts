import { describe, expect, it } from "vitest";
import { passwordSignInSchema, safeCallbackPath } from "./sign-in";

describe("sign-in input", () => {
  it("normalizes the email", () => {
    expect(passwordSignInSchema.parse({ email: "  Alice@ACME.test ", password: "x" }).email).toBe("alice@acme.test");
  });

  it("rejects a missing password, a non-email and an oversized password", () => {
    expect(passwordSignInSchema.safeParse({ email: "alice@acme.test", password: "" }).success).toBe(false);
    expect(passwordSignInSchema.safeParse({ email: "alice", password: "x" }).success).toBe(false);
    expect(passwordSignInSchema.safeParse({ email: "alice@acme.test", password: "x".repeat(1025) }).success).toBe(false);
  });

  it.each([
    [undefined, "/requests"],
    ["/requests/1001", "/requests/1001"],
    ["https://evil.test/", "/requests"],
    ["//evil.test", "/requests"],
    ["/\\evil.test", "/requests"],
    ["requests", "/requests"],
  ])("sends %s after sign-in to %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
