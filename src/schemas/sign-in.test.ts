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
    // Browsers drop tabs and line breaks inside a URL: these are "//evil.example".
    ["/\t/evil.example", "/requests"],
    ["/\n/evil.example", "/requests"],
    ["/\r/evil.example", "/requests"],
    ["/\\\t\\evil.example", "/requests"],
    ["http://portico.invalid/requests", "/requests"],
    // A path of this site keeps its query, encoded; control characters never reach a Location header.
    ["/requests?scope=organization&q=a b", "/requests?scope=organization&q=a%20b"],
    ["/requests/1\u0000\u0001?q=a\u0000b", "/requests/1%00%01?q=a%00b"],
  ])("sends %j after sign-in to %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });
});
