import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { beforeAll, expect } from "vitest";
import { newApiToken } from "@/server/api/tokens";
import { apiDocument } from "@/server/api/openapi";
import type { Database } from "@/server/db/client";
import type { SeededDatabase } from "./seeded-database";

// Calls the Requests API's route handlers as Next.js calls them — a real Request in, a Response out —
// against a test file's seeded database, and holds every answer to the OpenAPI document: its status
// must be one the operation declares, and its body must match the declared schema (docs/api.md).

/** A route handler as a route file exports it; its context's params are whatever its path names. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route names its own params
type RouteHandler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

/**
 * Points the route handlers' database and configuration at this file's database. Both are undone after the file
 * (tests/setup/each-file.ts).
 */
export function prepareApi(seeded: SeededDatabase, environment: Record<string, string> = {}): void {
  beforeAll(() => {
    process.env.DATABASE_URL = seeded.database.url;
    process.env.NEXTAUTH_SECRET ??= "a-test-secret-that-is-at-least-32-characters";
    process.env.API_RATE_LIMIT_PER_MINUTE = "100000";
    Object.assign(process.env, environment);
  });
}

/** A personal API token for the person with `email`, as the API tokens page makes one. */
export async function apiToken(db: Database, email: string, access: "read" | "write" = "write", more: { expiresAt?: Date; revokedAt?: Date } = {}): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const made = newApiToken();
  await db.apiToken.create({ data: { userId: user.id, name: `test ${made.prefix}`, prefix: made.prefix, hash: made.hash, access, ...more } });
  return made.token;
}

export interface ApiCall {
  method?: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** The path as the document names it, e.g. /api/v1/requests/{id}. */
  route: string;
  params?: Record<string, string>;
  query?: Record<string, string | string[]>;
  token?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers field by field
  body: any;
}

/** Calls `handler` and checks the answer against the contract. */
export async function callApi(handler: RouteHandler, call: ApiCall): Promise<ApiAnswer> {
  const { method = "GET", route, params = {}, query = {}, token, body, headers = {} } = call;
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const url = new URL(`http://portico.test${path}`);
  for (const [name, value] of Object.entries(query)) for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(name, one);
  const request = new Request(url, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  const answer: ApiAnswer = { status: response.status, headers: response.headers, body: text === "" ? null : (JSON.parse(text) as unknown) };
  expectMatchesContract(method, route, answer);
  return answer;
}

const document = apiDocument() as unknown as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...(document as object), $id: "openapi" });

const pointer = (...parts: string[]) => parts.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/** The answer's status is one the operation declares, and its body matches the declared schema. */
export function expectMatchesContract(method: string, route: string, answer: ApiAnswer): void {
  const operation = document.paths[route]?.[method.toLowerCase()];
  expect(operation, `${method} ${route} is not in the OpenAPI document`).toBeDefined();
  const declared = operation!.responses[String(answer.status)];
  expect(declared, `${method} ${route} answered ${answer.status}, which the document does not declare: ${JSON.stringify(answer.body)}`).toBeDefined();
  if (!declared!.content) {
    expect(answer.body, `${method} ${route} ${answer.status} declares no body`).toBeNull();
    return;
  }
  const contentType = (answer.headers.get("content-type") ?? "").split(";")[0]!.trim();
  expect(Object.keys(declared!.content), `${method} ${route} ${answer.status} answered ${contentType}`).toContain(contentType);
  const validate = ajv.getSchema(`openapi#/${pointer("paths", route, method.toLowerCase(), "responses", String(answer.status), "content", contentType, "schema")}`);
  expect(validate, "the document's schema could not be compiled").toBeDefined();
  const valid = validate!(answer.body);
  expect(valid, `${method} ${route} ${answer.status} does not match the document: ${JSON.stringify(validate!.errors)}\n${JSON.stringify(answer.body).slice(0, 2000)}`).toBe(true);
}
