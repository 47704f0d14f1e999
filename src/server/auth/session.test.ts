import { describe, expect, it } from "vitest";
import { sessionCookie } from "./session";

function jar(cookies: Record<string, string>) {
  const all = Object.entries(cookies).map(([name, value]) => ({ name, value }));
  return { get: (name: string) => all.find((cookie) => cookie.name === name), getAll: () => all };
}

describe("the session cookie, as next-auth writes it", () => {
  it("is read by its name, prefixed __Secure- when the portal is served over HTTPS", () => {
    const cookies = jar({ "next-auth.session-token": "plain", "__Secure-next-auth.session-token": "secure", "next-auth.csrf-token": "other" });
    expect(sessionCookie(cookies, false)).toBe("plain");
    expect(sessionCookie(cookies, true)).toBe("secure");
    expect(sessionCookie(jar({ "next-auth.session-token": "plain" }), true)).toBeNull();
  });

  it("is put together from its chunks in their order when it outgrew one cookie", () => {
    const cookies = jar({ "next-auth.session-token.2": "c", "next-auth.session-token.0": "a", "next-auth.session-token.1": "b", "next-auth.session-token.x": "no", "next-auth.session-tokenx.3": "no" });
    expect(sessionCookie(cookies, false)).toBe("abc");
  });

  it("is missing when signed out", () => {
    expect(sessionCookie(jar({}), false)).toBeNull();
    expect(sessionCookie(jar({ "next-auth.callback-url": "/requests" }), false)).toBeNull();
  });
});
