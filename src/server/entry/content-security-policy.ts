import type { SecurityConfig } from "@/config/env";

// The Content-Security-Policy of every page: scripts run only when they carry this response's nonce
// (Next.js puts it on its own scripts; 'strict-dynamic' lets those load the app's chunks), so a
// script that reached the page any other way — an injected <script>, an event-handler attribute — is
// blocked even if the sanitizer missed it. No plugins, no <base>, no framing, forms post only here.

export interface ContentSecurityPolicy {
  header: "Content-Security-Policy" | "Content-Security-Policy-Report-Only";
  value: string;
}

export function contentSecurityPolicy(nonce: string, config: SecurityConfig): ContentSecurityPolicy {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${config.development ? " 'unsafe-eval'" : ""}`,
    // React and the pages set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return { header: config.cspReportOnly ? "Content-Security-Policy-Report-Only" : "Content-Security-Policy", value: directives.join("; ") };
}
