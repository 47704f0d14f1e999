import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { PrismaClient } from "@/generated/prisma/client";
import { formValues } from "@/server/entry/form-state";
import { outcomeResponse } from "@/server/entry/routes";
import { notFound, refusedWith, type Outcome } from "@/server/outcome";
import { loadViewer } from "@/server/people/viewer";
import { defineUseCase } from "@/server/use-case";
import { requestIdSchema } from "@/schemas/request-id";
import { prepareSeededDatabase } from "../setup/seeded-database";

// The shape every entry point shares (src/server/entry/, src/server/use-case.ts, src/server/outcome.ts):
// input validated once, one outcome type, one mapping of it per kind of entry point, and the viewer
// read once per request.

const seeded = prepareSeededDatabase();

describe("a use case validates its input once, and answers in one shape", () => {
  const seen: unknown[] = [];
  const echo = defineUseCase({
    input: z.object({ requestId: requestIdSchema, body: z.string().trim().min(1).max(5), note: z.string().max(3, { error: "note_too_long" }).optional() }),
    identifies: ["requestId"],
    run: async (_db, _viewer: null, input): Promise<Outcome<{ input: typeof input }>> => {
      seen.push(input);
      return { ok: true, input };
    },
  });
  const run = (input: Record<string, unknown>) => echo(seeded.db, null, input);

  it("runs on what the schema made of the input", async () => {
    expect(await run({ requestId: "1042", body: "  hi " })).toEqual({ ok: true, input: { requestId: 1042, body: "hi" } });
  });

  it("answers a malformed id as a request that does not exist, without running", async () => {
    seen.length = 0;
    expect(await run({ requestId: "12abc", body: "hi" })).toEqual({ ok: false, reason: "not_found" });
    expect(seen).toEqual([]);
  });

  it("names each refused field with a code: missing, empty, too long, or the schema's own", async () => {
    expect(await run({ requestId: 1 })).toEqual({ ok: false, reason: "invalid", fieldErrors: { body: "required" } });
    expect(await run({ requestId: 1, body: "   " })).toEqual({ ok: false, reason: "invalid", fieldErrors: { body: "required" } });
    expect(await run({ requestId: 1, body: "too long", note: "long" })).toEqual({ ok: false, reason: "invalid", fieldErrors: { body: "too_long", note: "note_too_long" } });
    expect(await run({ requestId: 1, body: 42 })).toEqual({ ok: false, reason: "invalid", fieldErrors: { body: "invalid" } });
  });
});

describe("an outcome as an HTTP response", () => {
  it("is the result as JSON when it went through", async () => {
    const response = outcomeResponse({ ok: true, id: 7 }, 201);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: 7 });
  });

  it.each([
    ["not found", notFound(), 404, { code: "not_found" }],
    ["invalid input, with each field's code", { ok: false, reason: "invalid", fieldErrors: { body: "required" } } as const, 422, { code: "invalid", fields: { body: "required" } }],
    ["a refusal, with the rule's code and words", refusedWith("already_solved", "The request is already solved this way."), 422, { code: "already_solved", detail: "The request is already solved this way." }],
    ["a conflict", { ok: false, reason: "conflict" } as const, 409, { code: "conflict" }],
  ])("is a problem document for %s", async (_, outcome, status, body) => {
    const response = outcomeResponse(outcome);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ type: "about:blank", status, ...body });
  });
});

describe("a form's fields as a use case's input", () => {
  it("keeps text fields once or repeated, and leaves files and the framework's own fields out", () => {
    const form = new FormData();
    form.append("requestId", "1042");
    form.append("ccUserIds", "a");
    form.append("ccUserIds", "b");
    form.append("$ACTION_ID_abc", "");
    form.append("upload", new Blob(["x"]), "x.txt");
    expect(formValues(form)).toEqual({ requestId: "1042", ccUserIds: ["a", "b"] });
  });
});

describe("the viewer is read once per request", () => {
  it("in one place: only the entry points' findViewer (sessions), findTokenHolder (API tokens) and findMailSender (inbound email) load a viewer, and React's per-request cache keeps a page's", () => {
    const callers = sourceFiles("src").filter((file) => /\bloadViewer\(/.test(readFileSync(file, "utf8")) && !file.endsWith("people/viewer.ts"));
    expect(callers.sort()).toEqual(["src/server/entry/mail-sender.ts", "src/server/entry/token-viewer.ts", "src/server/entry/viewer.ts"]);
    expect(readFileSync("src/server/entry/viewer.ts", "utf8")).toMatch(/export const findViewer = cache\(/);
    // Nothing else reads the session.
    const sessionReaders = sourceFiles("src").filter((file) => /\bsessionClaims\(|getServerSession\(|continueSession\(/.test(readFileSync(file, "utf8")));
    expect(sessionReaders.sort()).toEqual(["src/server/auth/session.ts", "src/server/entry/viewer.ts", "src/server/security/sessions.ts"]);
  });

  it("in one statement: the user row, with the person's memberships and grants joined to it", async () => {
    const statements: string[] = [];
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: seeded.database.url, max: 1 }), log: [{ emit: "event", level: "query" }] });
    prisma.$on("query", (event) => statements.push(event.query));
    try {
      const viewer = await loadViewer(prisma, "seed-user-carol", { now: seeded.now, channel: "web" });
      expect(viewer?.person).toMatchObject({ email: "carol@acme.test", memberships: [expect.objectContaining({ organizationName: "Acme Corporation", isTechnicalContact: true })] });
      expect(viewer?.actor.grants).toHaveLength(1);
      // Relations are joined in the database (the client's relationJoins): one round trip in all.
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/FROM "public"\."User" AS "t0" LEFT JOIN LATERAL/);
    } finally {
      await prisma.$disconnect();
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path.includes("generated") ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}
