import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { readApiConfig, readSessionConfig } from "@/config/env";
import type { Channel } from "@/domain";
import { claimIdempotencyKey, fingerprintOf, IDEMPOTENCY_KEY_PATTERN, keepIdempotentResponse, releaseIdempotencyKey } from "@/server/api/idempotency";
import { countApiCall, type RateCount } from "@/server/api/rate-limit";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { databaseErrorLine, isDatabaseUnavailable } from "@/server/db/errors";
import type { Outcome } from "@/server/outcome";
import type { SignedInViewer } from "@/server/people/viewer";
import { clientFrom } from "@/server/security/client";
import { noteOwnWrite } from "./list-database";
import { findTokenHolder } from "./token-viewer";
import { findViewer } from "./viewer";

// Every route handler is wrapped by one of these (a lint rule refuses an unwrapped one under
// src/app), so none runs without resolving the viewer (or, for a server calling us, its secret). The
// viewer comes from the session cookie, or for the Requests API (`withApi`) from an API token.

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
 * The database unreachable or restarting is as brief, but a write cut off at its commit may have been
 * saved: the caller is told to send it again, which the Idempotency-Key and the submission key make safe.
 */
async function answerUnlessBusy(answer: () => Promise<Response>): Promise<Response> {
  try {
    return await answer();
  } catch (error) {
    if (isDatabaseBusy(error)) return retryLater(problem(503, "busy", "The server is busy; nothing was saved. Try again in a moment."), 1);
    if (isDatabaseUnavailable(error)) {
      console.error(`The database is unavailable; answered 503: ${databaseErrorLine(error)}`);
      return retryLater(problem(503, "unavailable", "The database is unavailable for a moment. Send the same request again shortly, with the same Idempotency-Key: it is not acted on twice."), 2);
    }
    throw error;
  }
}

function retryLater(response: Response, seconds: number): Response {
  response.headers.set("Retry-After", String(seconds));
  return response;
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

interface ApiRouteOptions {
  /** The route changes something: a read-only token is refused (403). */
  write?: boolean;
  /** A route of the agent console's API: for anyone else it does not exist (404). */
  agentsOnly?: boolean;
}

/**
 * A route of the Requests API (docs/api.md). The caller is an API token's owner (`Authorization:
 * Bearer`) or the signed-in person (the session cookie, same-origin writes only), acting through the
 * channel "api"; a bad token is 401 and never falls back to the cookie. Then, in order: the rate
 * limit per credential (429 with Retry-After), the Idempotency-Key of a POST (a retry gets the first
 * answer), the handler, and for a read an ETag that If-None-Match answers with 304.
 */
export function withApi<Context>(handler: Handler<Context, SignedInViewer>, options: ApiRouteOptions = {}) {
  return async (request: Request, context: Context): Promise<Response> => {
    if (crossSiteWrite(request)) return problem(403, "cross_site", "Writes are accepted from this site's own pages only.");
    return answerUnlessBusy(async () => {
      const db = getDatabase();
      const now = getClock().now();
      const caller = await apiCaller(request, now);
      if (!caller) return unauthenticated();
      if (options.write && !caller.mayWrite) return problem(403, "read_only_token", "This token may only read. Create a read-write token to make changes.");
      const rate = await countApiCall(db, caller.ownerKey, now, readApiConfig().rateLimitPerMinute);
      if (!rate.allowed) return withRateHeaders(tooManyCalls(rate, now), rate);
      if (options.agentsOnly && !caller.viewer.actor.isAgent) return withRateHeaders(problem(404, "not_found", "Not found."), rate);
      const answer = () => handler(request, caller.viewer, context);
      const response = request.method === "POST" ? await idempotently(request, caller.ownerKey, now, answer) : await answer();
      // A change made from the person's own browser: their lists read the primary for a moment, as after a form.
      if (options.write && caller.bySession && response.ok) await noteOwnWrite();
      return withRateHeaders(request.method === "GET" ? await withEntityTag(request, response) : response, rate);
    });
  };
}

interface ApiCaller {
  viewer: SignedInViewer;
  /** Whose calls these are, for the rate limit and idempotency keys. */
  ownerKey: string;
  mayWrite: boolean;
  /** Signed in through the session cookie (a browser), not an API token. */
  bySession: boolean;
}

async function apiCaller(request: Request, now: Date): Promise<ApiCaller | null> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) {
    if (!request.headers.has("cookie")) return null;
    const viewer = await findViewer();
    return viewer && { viewer: { ...viewer, channel: "api" }, ownerKey: `user:${viewer.person.id}`, mayWrite: true, bySession: true };
  }
  const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  const holder = token ? await findTokenHolder(getDatabase(), token, now) : null;
  if (!holder) return null;
  const client = clientFrom(request.headers, readSessionConfig().trustedProxies);
  return { viewer: { ...holder.viewer, client }, ownerKey: `token:${holder.token.id}`, mayWrite: holder.token.access === "write", bySession: false };
}

function unauthenticated(): Response {
  const response = problem(401, "unauthenticated", "Send a valid API token as Authorization: Bearer <token>, or sign in.");
  response.headers.set("WWW-Authenticate", 'Bearer realm="portico"');
  return response;
}

function tooManyCalls(rate: RateCount, now: Date): Response {
  const seconds = Math.max(1, Math.ceil((rate.resetAt.getTime() - now.getTime()) / 1000));
  const response = problem(429, "rate_limited", `More than ${rate.limit} calls in a minute. Try again in ${seconds} seconds.`);
  response.headers.set("Retry-After", String(seconds));
  return response;
}

function withRateHeaders(response: Response, rate: RateCount): Response {
  response.headers.set("RateLimit-Limit", String(rate.limit));
  response.headers.set("RateLimit-Remaining", String(rate.remaining));
  response.headers.set("RateLimit-Reset", String(Math.max(0, Math.ceil((rate.resetAt.getTime() - Date.now()) / 1000))));
  return response;
}

/** Headers a replayed answer keeps: what the client reads from a created resource. */
const KEPT_HEADERS = ["content-type", "location"];

async function idempotently(request: Request, ownerKey: string, now: Date, answer: () => Promise<Response>): Promise<Response> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return answer();
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) return problem(400, "invalid_idempotency_key", "An Idempotency-Key is 1 to 255 visible ASCII characters.");
  const db = getDatabase();
  const body = await request.clone().text();
  const claim = await claimIdempotencyKey(db, ownerKey, key, fingerprintOf(request.method, new URL(request.url).pathname, body), now);
  switch (claim.kind) {
    case "mismatch":
      return problem(422, "idempotency_key_reused", "This Idempotency-Key was used with another request. Use a new key for a new request.");
    case "in_progress":
      return problem(409, "idempotency_key_in_use", "A request with this Idempotency-Key is still being answered. Try again in a moment.");
    case "replay": {
      const replayed = new Response(claim.body === null ? null : JSON.stringify(claim.body), { status: claim.status, headers: claim.headers });
      replayed.headers.set("Idempotent-Replayed", "true");
      return replayed;
    }
    case "first":
      break;
  }
  let response: Response;
  try {
    response = await answer();
  } catch (error) {
    await releaseIdempotencyKey(db, ownerKey, key);
    throw error;
  }
  const text = await response.clone().text();
  const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (response.headers.has(name) ? [[name, response.headers.get(name)!]] : [])));
  await keepIdempotentResponse(db, ownerKey, key, { status: response.status, body: text === "" ? null : (JSON.parse(text) as unknown), headers });
  return response;
}

/** A read's ETag (the body's digest): a client that already has this version gets 304 and no body. */
async function withEntityTag(request: Request, response: Response): Promise<Response> {
  if (response.status !== 200) return response;
  const body = await response.clone().arrayBuffer();
  const tag = `"${createHash("sha256").update(Buffer.from(body)).digest("base64url").slice(0, 27)}"`;
  const cacheControl = "private, no-cache";
  const asked = request.headers.get("if-none-match");
  if (asked !== null && asked.split(",").some((value) => value.trim().replace(/^W\//, "") === tag || value.trim() === "*")) {
    return new Response(null, { status: 304, headers: { ETag: tag, "Cache-Control": cacheControl } });
  }
  response.headers.set("ETag", tag);
  response.headers.set("Cache-Control", cacheControl);
  return response;
}

/** A route that answers everyone the same and reads nothing of anyone's (the API's contract): no viewer is read. */
export function withPublic<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return (request: Request, context: Context): Promise<Response> => handler(request, context);
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
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Content Too Large",
  416: "Range Not Satisfiable",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  503: "Service Unavailable",
};

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 413 | 416 | 422 | 429 | 503;

/** A problem document with no type of its own (`about:blank`): the status says what, `code` says which. */
export function problem(status: ProblemStatus, code: string, detail: string, extra: Record<string, unknown> = {}): Response {
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
