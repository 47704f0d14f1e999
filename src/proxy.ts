import { NextResponse, type NextRequest } from "next/server";
import { readSecurityConfig, type SecurityConfig } from "@/config/env";
import { contentSecurityPolicy } from "@/server/entry/content-security-policy";

// Runs before every page: a fresh nonce and the Content-Security-Policy that names it, on the request
// (Next.js reads the nonce from there for its own scripts) and on the response. Security headers only:
// who may see what is decided by every page, action and route itself, never here.
let security: SecurityConfig | undefined;

export function proxy(request: NextRequest): NextResponse {
  security ??= readSecurityConfig();
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
  const policy = contentSecurityPolicy(nonce, security);
  const headers = new Headers(request.headers);
  headers.set(policy.header, policy.value);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(policy.header, policy.value);
  return response;
}

export const config = {
  // Pages and their data; not the built assets or the files of public/, which run no script of ours, nor
  // attachments, whose download route sets its own, stricter policy (a sandbox, nothing allowed), nor the
  // Requests API, whose JSON gets a fixed policy that allows nothing (next.config.ts): running this for each
  // call was ~8 % of an API list call's processor time.
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|robots.txt|attachments/|api/v1/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
