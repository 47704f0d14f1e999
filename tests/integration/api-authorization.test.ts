/// <reference types="vite/client" />
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { can, type RequestAccess, type RequestAction } from "@/domain";
import { apiDocument } from "@/server/api/openapi";
import { createRequest } from "@/server/requests/create-request";
import { markSolved } from "@/server/requests/mark-solved";
import type { SignedInViewer } from "@/server/people/viewer";
import { apiToken, callApi, prepareApi, type ApiAnswer, type ApiCall } from "../setup/api";
import { prepareSeededDatabase } from "../setup/seeded-database";
import { viewerFor } from "../setup/viewers";

// The authorization matrix of the Requests API (docs/api.md): every operation of the OpenAPI
// document × every kind of caller. It reads the document as it is when it runs, so a new endpoint
// is covered the moment it is declared — and fails here until it has an entry in OPERATION_CASES
// (a valid example call), so none slips past. Who may do what on a request comes from the domain's
// own table (`can`); the API must answer exactly that: allowed → 2xx, anything else on a request →
// 404, like a request that does not exist.

const seeded = prepareSeededDatabase();
prepareApi(seeded);
const DAY = 24 * 60 * 60 * 1000;

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
const METHODS: readonly Method[] = ["GET", "POST", "PATCH", "PUT", "DELETE"];
type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<Method, RouteHandler>>;

/** Every route module of the API, by file: `/api/v1/requests/{id}` lives in src/app/api/v1/requests/[id]/route.ts. */
const ROUTE_MODULES = import.meta.glob<RouteModule>("../../src/app/api/v1/**/route.ts");
const routeFile = (route: string) => `../../src/app${route.replace(/\{(\w+)\}/g, "[$1]")}/route.ts`;
const routeOfFile = (file: string) => file.replace(/^\.\.\/\.\.\/src\/app/, "").replace(/\/route\.ts$/, "").replace(/\[(\w+)\]/g, "{$1}");
/** Route files that are not operations of the document: the document itself. */
const NOT_OPERATIONS = ["/api/v1/openapi.json"];

interface DocumentOperation {
  operationId?: string;
  tags?: string[];
  parameters?: { name: string; in: string; schema?: { enum?: string[] } }[];
}

const document = apiDocument() as unknown as { paths: Record<string, Partial<Record<string, DocumentOperation>>> };

interface Operation {
  route: string;
  method: Method;
  operationId: string;
  /** On one request (`{id}` in the path). */
  onRequest: boolean;
  /** Tagged Agents in the document: the agent console's API. */
  agentsOnly: boolean;
  declared: DocumentOperation;
}

const OPERATIONS: Operation[] = Object.entries(document.paths).flatMap(([route, item]) =>
  METHODS.flatMap((method) => {
    const declared = item?.[method.toLowerCase()];
    if (!declared) return [];
    const operationId = declared.operationId ?? `${method} ${route}`;
    return [{ route, method, operationId, onRequest: route.includes("{id}"), agentsOnly: declared.tags?.includes("Agents") ?? false, declared }];
  }),
);

type Person = "alice" | "bob" | "carol" | "dave" | "erin" | "gina" | "agent";
const EMAILS: Record<Person, string> = {
  alice: "alice@acme.test", // requester of R
  bob: "bob@acme.test", // CC on R
  carol: "carol@acme.test", // technical contact with an organization-wide grant (demo request 1007)
  dave: "dave@acme.test", // same organization (its admin), neither requester nor CC, no grant
  erin: "erin@acme.test", // technical contact without a grant
  gina: "gina@globex.test", // another organization
  agent: "agent@portico.test",
};
const PEOPLE = Object.keys(EMAILS) as Person[];

/** Who calls: a person with a read-write token, a person with a read-only token, or a credential that opens nothing. */
type Caller = { kind: "person"; person: Person } | { kind: "read_only"; person: Person } | { kind: "invalid"; label: "none" | "unknown" | "revoked" | "expired" };

const CALLERS: Caller[] = [
  ...PEOPLE.map((person): Caller => ({ kind: "person", person })),
  { kind: "read_only", person: "alice" },
  { kind: "read_only", person: "agent" },
  { kind: "invalid", label: "none" },
  { kind: "invalid", label: "unknown" },
  { kind: "invalid", label: "revoked" },
  { kind: "invalid", label: "expired" },
];
const callerName = (caller: Caller) => (caller.kind === "invalid" ? `${caller.label} token` : caller.kind === "read_only" ? `${caller.person} (read-only)` : caller.person);

/** What an example call needs: the request R it acts on, another request of the same requester, the people's ids. */
interface Fixture {
  request: number;
  other: number;
  ids: Record<Person, string>;
}

interface OperationCase {
  /**
   * On one request: the caller must see it and be allowed any of these (the domain's table); an
   * empty list is anyone who sees it. Anything else is 404.
   */
  may?: readonly RequestAction[];
  /** Not on one request: the status a person with a read-write token gets. */
  status?: (person: Person) => number;
  params?: (fixture: Fixture) => Record<string, string>;
  /** Brings R to the state the call needs (a rating needs it Solved), before each person's call. */
  prepare?: (fixture: Fixture) => Promise<void>;
  query?: Record<string, string>;
  body?: (fixture: Fixture) => unknown;
}

const text = () => `Authorization matrix ${randomUUID()}`;

/**
 * One valid example call per operationId. An operation missing here fails the matrix: add its
 * entry (what the caller must be allowed, and a body the operation accepts) with the endpoint.
 */
const OPERATION_CASES: Record<string, OperationCase> = {
  getMe: { status: () => 200 },
  listRequests: { status: () => 200, query: { limit: "100" } },
  createRequest: {
    // Requests are opened by customers; the agent is refused by the domain (422 agents_cannot_create).
    status: (person) => (person === "agent" ? 422 : 201),
    body: () => ({ subject: text(), description: text(), priority: "S3" }),
  },
  getRequest: { may: [] },
  // A public message: the requester's side replies in the thread, an agent through the console's reply.
  postMessage: { may: ["reply", "work_request"], body: () => ({ body: text() }) },
  addCc: { may: ["manage_ccs"], body: (fixture) => ({ userId: fixture.ids.dave }) },
  removeCc: { may: ["manage_ccs"], params: (fixture) => ({ userId: fixture.ids.bob }) },
  addInternalNote: { may: ["add_internal_note"], body: () => ({ body: text() }) },
  setStatus: { may: ["work_request"], body: () => ({ status: "pending" }) },
  setPriority: { may: ["work_request"], body: () => ({ priority: "S2", reason: "Impact confirmed with the customer." }) },
  assignRequest: { may: ["work_request"], body: (fixture) => ({ assigneeId: fixture.ids.agent }) },
  mergeRequest: { may: ["work_request"], body: (fixture) => ({ targetId: fixture.other }) },
  // The requester's own: nobody else, agents included, finds the request to solve or rate.
  markSolved: { may: ["solve_as_requester"] },
  rateRequest: { may: ["solve_as_requester"], prepare: solvedByRequester, body: () => ({ score: "good", comment: text() }) },
};

async function solvedByRequester(fixture: Fixture): Promise<void> {
  const solved = await markSolved(seeded.db, await viewerFor(seeded.db, EMAILS.alice), { requestId: fixture.request, submissionKey: randomUUID() });
  if (!solved.ok) throw new Error(`could not solve R: ${JSON.stringify(solved)}`);
}

const tokens = new Map<string, string>();
const viewers = new Map<Person, SignedInViewer>();
const ids = {} as Record<Person, string>;
let shared: Fixture;

beforeAll(async () => {
  const db = seeded.db;
  for (const person of PEOPLE) {
    const viewer = await viewerFor(db, EMAILS[person]);
    viewers.set(person, viewer);
    ids[person] = viewer.person.id;
    tokens.set(`person:${person}`, await apiToken(db, EMAILS[person], "write"));
    tokens.set(`read_only:${person}`, await apiToken(db, EMAILS[person], "read"));
  }
  tokens.set("invalid:unknown", "ptc_unknownunknownunknownunknownunknown");
  tokens.set("invalid:revoked", await apiToken(db, EMAILS.alice, "write", { revokedAt: new Date() }));
  tokens.set("invalid:expired", await apiToken(db, EMAILS.alice, "write", { expiresAt: new Date(Date.now() - DAY) }));
  shared = await newFixture();
});

function tokenOf(caller: Caller): string | null {
  if (caller.kind === "invalid") return caller.label === "none" ? null : tokens.get(`invalid:${caller.label}`)!;
  return tokens.get(`${caller.kind}:${caller.person}`)!;
}

/** R: a new request of alice's (the same parties every time) with bob CC'd, opened through the use case as the portal does; and another of hers. */
async function newFixture(): Promise<Fixture> {
  const alice = await viewerFor(seeded.db, EMAILS.alice);
  const open = async (ccUserIds: string[]) => {
    const opened = await createRequest(seeded.db, alice, { subject: text(), description: text(), priority: "S3", ccUserIds, attachmentIds: [], submissionKey: randomUUID() });
    if (!opened.ok) throw new Error(`could not open a request: ${JSON.stringify(opened)}`);
    return opened.id;
  };
  return { request: await open([ids.bob]), other: await open([]), ids };
}

const accessOf = (): RequestAccess => ({ organizationId: "seed-org-acme", requesterId: ids.alice, ccUserIds: [ids.bob] });

/** The domain's answer: may this person do the operation on R? */
function allowedOnRequest(person: Person, may: readonly RequestAction[]): boolean {
  const { actor, now } = viewers.get(person)!;
  const access = accessOf();
  return can(actor, "view_request", access, now) && (may.length === 0 || may.some((action) => can(actor, action, access, now)));
}

/** What R's thread and history hold: a refused call must leave both as they were. */
async function footprint(requestId: number) {
  const [events, comments, ccs, request] = await Promise.all([
    seeded.db.requestEvent.count({ where: { requestId } }),
    seeded.db.comment.count({ where: { requestId } }),
    seeded.db.requestCc.count({ where: { requestId } }),
    seeded.db.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, priority: true, assigneeId: true, mergedIntoId: true } }),
  ]);
  return { events, comments, ccs, request };
}

async function handlerOf(operation: Operation): Promise<RouteHandler> {
  const load = ROUTE_MODULES[routeFile(operation.route)];
  expect(load, `${operation.route} has no route file at ${routeFile(operation.route)}`).toBeDefined();
  const handler = (await load!())[operation.method];
  expect(handler, `${routeFile(operation.route)} exports no ${operation.method}`).toBeDefined();
  return handler!;
}

function callFor(operation: Operation, entry: OperationCase, fixture: Fixture, caller: Caller, query: Record<string, string> = entry.query ?? {}): ApiCall {
  return {
    method: operation.method,
    route: operation.route,
    params: { ...(operation.onRequest ? { id: String(fixture.request) } : {}), ...(entry.params?.(fixture) ?? {}) },
    query,
    token: tokenOf(caller),
    body: entry.body?.(fixture),
  };
}

describe("the route files and the document", () => {
  it("every route file under src/app/api/v1 is in the document, and every path of the document has its route file", () => {
    const files = Object.keys(ROUTE_MODULES);
    const documented = Object.keys(document.paths);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const route = routeOfFile(file);
      if (!NOT_OPERATIONS.includes(route)) expect(documented, `${file} serves ${route}, which the OpenAPI document does not declare`).toContain(route);
    }
    for (const route of documented) expect(files, `the document declares ${route}, which has no route file`).toContain(routeFile(route));
  });

  it("every method a route file exports is an operation of the document", async () => {
    for (const [file, load] of Object.entries(ROUTE_MODULES)) {
      const route = routeOfFile(file);
      if (NOT_OPERATIONS.includes(route)) continue;
      const exported = await load();
      for (const method of METHODS) if (exported[method]) expect(document.paths[route]?.[method.toLowerCase()], `${file} exports ${method}, which the document does not declare`).toBeDefined();
    }
  });

  it("every operation has an example call in this matrix", () => {
    const missing = OPERATIONS.filter((operation) => !OPERATION_CASES[operation.operationId]).map((operation) => `${operation.method} ${operation.route} (${operation.operationId})`);
    expect(missing, "add these operations to OPERATION_CASES in tests/integration/api-authorization.test.ts").toEqual([]);
  });
});

describe.each(OPERATIONS.map((operation) => [`${operation.method} ${operation.route} (${operation.operationId})`, operation] as const))("%s", (_, operation) => {
  const entry = (): OperationCase => {
    const found = OPERATION_CASES[operation.operationId];
    if (!found) throw new Error(`${operation.operationId} has no entry in OPERATION_CASES: add a valid example call for it`);
    return found;
  };
  const writes = operation.method !== "GET";

  it("is 401 with WWW-Authenticate for no token, an unknown, a revoked and an expired one", async () => {
    const handler = await handlerOf(operation);
    for (const caller of CALLERS.filter((one) => one.kind === "invalid")) {
      const before = await footprint(shared.request);
      const answer = await callApi(handler, callFor(operation, entry(), shared, caller));
      expect(answer.status, `${callerName(caller)}: ${JSON.stringify(answer.body)}`).toBe(401);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(await footprint(shared.request)).toEqual(before);
    }
  });

  if (writes) {
    it("is 403 read_only_token for a read-only token, whoever holds it, and changes nothing", async () => {
      const handler = await handlerOf(operation);
      for (const caller of CALLERS.filter((one) => one.kind === "read_only")) {
        const fixture = await newFixture();
        const before = await footprint(fixture.request);
        const answer = await callApi(handler, callFor(operation, entry(), fixture, caller));
        expect(answer.status, `${callerName(caller)}: ${JSON.stringify(answer.body)}`).toBe(403);
        expect(answer.body).toMatchObject({ code: "read_only_token" });
        expect(await footprint(fixture.request)).toEqual(before);
      }
    });
  } else {
    it("answers a read-only token as its holder's read-write token", async () => {
      const handler = await handlerOf(operation);
      for (const caller of CALLERS.filter((one) => one.kind === "read_only")) {
        const readOnly = await callApi(handler, callFor(operation, entry(), shared, caller));
        const readWrite = await callApi(handler, callFor(operation, entry(), shared, { kind: "person", person: caller.person }));
        expect(readOnly.status, callerName(caller)).toBe(readWrite.status);
      }
    });
  }

  it("answers each person as the domain's access rules say", async () => {
    const handler = await handlerOf(operation);
    const { may, status } = entry();
    for (const person of PEOPLE) {
      const caller: Caller = { kind: "person", person };
      const fixture = writes ? await newFixture() : shared;
      if (writes) await entry().prepare?.(fixture);
      const before = operation.onRequest ? await footprint(fixture.request) : null;
      const answer = await callApi(handler, callFor(operation, entry(), fixture, caller));
      const said = `${person}: ${answer.status} ${JSON.stringify(answer.body)?.slice(0, 500)}`;

      if (operation.onRequest) {
        expect(may, `${operation.operationId} is on one request: its entry needs \`may\``).toBeDefined();
        const allowed = allowedOnRequest(person, may!);
        if (allowed) expect(answer.status, said).toBeGreaterThanOrEqual(200);
        if (allowed) expect(answer.status, said).toBeLessThan(300);
        else {
          expect(answer.status, said).toBe(404);
          expect(answer.body).toMatchObject({ status: 404, code: "not_found" });
          if (writes) expect(await footprint(fixture.request), `${person}'s refused call changed R`).toEqual(before);
        }
      } else {
        expect(status, `${operation.operationId} is not on one request: its entry needs \`status\``).toBeDefined();
        expect(answer.status, said).toBe(status!(person));
      }

      // The rules stated outright, whatever the table above says.
      if (person === "agent") expect([401, 403], said).not.toContain(answer.status);
      if (person === "agent" && (!operation.onRequest || allowedOnRequest("agent", may!))) expect(answer.status, said).not.toBe(404);
      if (operation.onRequest && (person === "gina" || person === "dave" || person === "erin")) expect(answer.status, said).toBe(404);
      if (operation.agentsOnly && person !== "agent") expect(answer.status, said).toBe(404);
    }
  });

  // A list never shows R to someone who may not see it, in any scope it offers; and does to those who may.
  if (!writes && !operation.onRequest) {
    it("lists R only to those who may see it, in every scope", async () => {
      const handler = await handlerOf(operation);
      const scopes = operation.declared.parameters?.find((parameter) => parameter.name === "scope" && parameter.in === "query")?.schema?.enum ?? [];
      for (const person of PEOPLE) {
        const shown = new Set<string>();
        let listed = false;
        for (const scope of [undefined, ...scopes]) {
          const query = { ...(entry().query ?? {}), ...(scope ? { scope } : {}) };
          const answer: ApiAnswer = await callApi(handler, callFor(operation, entry(), shared, { kind: "person", person }, query));
          if (answer.status !== 200 || !Array.isArray(answer.body?.data)) continue;
          listed = true;
          for (const row of answer.body.data as { id?: unknown }[]) shown.add(String(row.id));
        }
        if (!listed) continue;
        const sees = can(viewers.get(person)!.actor, "view_request", accessOf(), new Date());
        if (!sees) expect(shown.has(String(shared.request)), `${person} was listed R`).toBe(false);
        // The agent's list is the queue, in its own order: R need not be on its first page.
        else if (person !== "agent") expect(shown.has(String(shared.request)), `${person} was not listed R`).toBe(true);
      }
    });
  }
});
