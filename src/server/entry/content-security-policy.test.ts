import { describe, expect, it } from "vitest";
import { readSecurityConfig } from "@/config/env";
import { contentSecurityPolicy } from "./content-security-policy";

const directive = (value: string, name: string) => value.split("; ").find((entry) => entry.startsWith(`${name} `));

describe("the Content-Security-Policy", () => {
  const { header, value } = contentSecurityPolicy("bm9uY2U=", readSecurityConfig({ NODE_ENV: "production" }));

  it("runs only scripts that carry the response's nonce, and what they load", () => {
    expect(header).toBe("Content-Security-Policy");
    expect(directive(value, "script-src")).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(value).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  it("allows no plugins, no <base>, no framing, and forms only to this site", () => {
    for (const expected of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'", "default-src 'self'"]) {
      expect(value.split("; ")).toContain(expected);
    }
  });

  it("is sent as report-only when configured so, and lets the development server evaluate code", () => {
    expect(contentSecurityPolicy("n", readSecurityConfig({ NODE_ENV: "production", CSP_REPORT_ONLY: "true" })).header).toBe("Content-Security-Policy-Report-Only");
    expect(directive(contentSecurityPolicy("n", readSecurityConfig({ NODE_ENV: "development" })).value, "script-src")).toContain("'unsafe-eval'");
  });
});
