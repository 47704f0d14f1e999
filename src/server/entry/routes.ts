import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { Channel } from "@/domain";
import type { Outcome } from "@/server/outcome";
import type { SignedInViewer } from "@/server/people/viewer";
import { findViewer } from "./viewer";

// Every route handler is wrapped by one of these (a lint rule refuses an unwrapped one under
// src/app), so none runs without resolving the viewer (or, for a server calling us, its secret). The viewer comes from the session cookie;
// another credential (an API token) is one more source in `viewerOf`.

type Handler<Context, Who> = (request: Request, viewer: Who, context: Context) => Promise<Response>;

interface RouteOptions {
  /** How this route's callers reach us, for the use cases that write messages (default: web). */
  channel?: Channel;
}

async function viewerOf(_request: Request, options: RouteOptions): Promise<SignedInViewer | null> {
  const viewer = await findViewer();
  return viewer && options.channel ? { ...viewer, channel: options.channel } : viewer;
}

/**
 * A write sent by a browser from another site carries the viewer's cookie only if the browser sends
 * it; browsers say where a request comes from (Origin, Sec-Fetch-Site), and a write from elsewhere is
 * refused before the viewer is even read. Callers that are not browsers send neither.
 */
function crossSiteWrite(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD") return false;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.get("origin");
  if (origin === null) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** A route for signed-in viewers; anyone else is answered 401. */
export function withViewer<Context>(handler: Handler<Context, SignedInViewer>, options: RouteOptions = {}) {
  return async (request: Request, context: Context): Promise<Response> => {
    if (crossSiteWrite(request)) return problem(403, "cross_site", "Writes are accepted from this site's own pages only.");
    return answerUnlessBusy(async () => {
      const viewer = await viewerOf(request, options);
      if (!viewer) return problem(401, "unauthenticated", "Sign in, or send a valid credential.");
      return handler(request, viewer, context);
    });
  };
}

/**
 * Every database connection stayed taken for as long as a request may wait (a burst of chat lines):
 * nothing was written, and the caller is told to try again shortly rather than that something broke.
 */
async function answerUnlessBusy(answer: () => Promise<Response>): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    if (!isDatabaseBusy(error)) throw error;
    const busy = problem(503, "busy", "The server is busy; nothing was saved. Try again in a moment.");
    busy.headers.set("Retry-After", "1");
    return busy;
  }
}

/** Prisma's "timed out waiting for a connection" (P2024) and "could not start a transaction in time" (P2028). */
function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2024" || code === "P2028";
}

/** A route of the agent console; for anyone else it does not exist (404), as for its pages. */
export function withAgent<Context>(handler: Handler<Context, SignedInViewer>, options: RouteOptions = {}) {
  return withViewer<Context>((request, viewer, context) => (viewer.actor.isAgent ? handler(request, viewer, context) : Promise.resolve(problem(404, "not_found", "Not found."))), options);
}

/** A route that anyone may call, signed in or not (signing in itself). */
export function withVisitor<Context>(handler: Handler<Context, SignedInViewer | null>, options: RouteOptions = {}) {
  return async (request: Request, context: Context): Promise<Response> => handler(request, await viewerOf(request, options), context);
}

interface MachineOptions {
  /** The secret callers share with us; undefined switches the route off (404, as if it did not exist). */
  secret: () => string | undefined;
  /** A header that may carry the secret instead of `Authorization: Bearer <secret>`. */
  secretHeader?: string;
}

/**
 * A route that another server calls, not a person (an inbound mail webhook): no session is read; the
 * caller proves itself with a shared secret, compared in constant time, or is answered 401.
 */
export function withMachine<Context>(handler: (request: Request, context: Context) => Promise<Response>, options: MachineOptions) {
  return async (request: Request, context: Context): Promise<Response> => {
    const secret = options.secret();
    if (!secret) return problem(404, "not_found", "Not found.");
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const given = bearer ?? (options.secretHeader ? request.headers.get(options.secretHeader) : null);
    if (given === null || !sameSecret(given, secret)) return problem(401, "unauthenticated", "Send the shared secret as Authorization: Bearer <secret>.");
    return handler(request, context);
  };
}

/** Equal-length digests, so the comparison takes as long whatever was sent. */
function sameSecret(given: string, secret: string): boolean {
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(given), digest(secret));
}

/**
 * A use case's outcome as an HTTP response: the result as JSON, or a problem document (RFC 9457) —
 * 404 for "not found" (missing and forbidden alike), 422 for invalid input (with each field's code)
 * and for a refusal (with the rule's code), 409 for a conflict.
 */
export function outcomeResponse<T extends object>(outcome: Outcome<T>, status = 200): Response {
  if (outcome.ok) {
    const { ok, ...body } = outcome;
    return Response.json(body, { status });
  }
  switch (outcome.reason) {
    case "not_found":
      return problem(404, "not_found", "Not found.");
    case "invalid":
      return problem(422, "invalid", "The input is not valid.", { fields: outcome.fieldErrors });
    case "refused":
      return problem(422, outcome.refusal.code, outcome.refusal.message);
    case "conflict":
      return problem(409, "conflict", "Others changed this at the same time; nothing was saved. Try again.");
  }
}

const TITLES: Record<number, string> = {
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  416: "Range Not Satisfiable",
  422: "Unprocessable Content",
  503: "Service Unavailable",
};

/** A problem document with no type of its own (`about:blank`): the status says what, `code` says which. */
export function problem(status: 401 | 403 | 404 | 409 | 413 | 416 | 422 | 503, code: string, detail: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ type: "about:blank", title: TITLES[status], status, detail, code, ...extra }, { status, headers: { "Content-Type": "application/problem+json" } });
}

/** A live stream (Server-Sent Events) as the response, unbuffered and uncached on the way. */
export function eventStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      // Proxies that buffer responses would hold the events back.
      "X-Accel-Buffering": "no",
    },
  });
}

/**
 * A JSON body as an object of fields for a use case to validate; anything else (not JSON, not an
 * object, over `maxBytes`) reads as no fields, which the use case then refuses field by field.
 */
export async function readJson(request: Request, maxBytes = 64 * 1024): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) return {};
  try {
    const text = await request.text();
    if (text.length > maxBytes) return {};
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
