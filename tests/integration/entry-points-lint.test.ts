import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// Every server action and route handler under src/app goes through a wrapper from src/server/entry/, so
// none can run without resolving the viewer. This proves the lint rule bites, using the project's own configuration.
const eslint = new ESLint({ cwd: process.cwd() });
const RULE = "portico/wrapped-entry-points";

async function ruleIds(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath });
  const messages = result?.messages ?? [];
  // A parse error or an unlinted file has no ruleId; it would make every "not reported" case pass vacuously.
  expect(messages.filter((message) => message.ruleId === null)).toEqual([]);
  return messages.map((message) => message.ruleId);
}

const ACTIONS_FILE = "src/app/example/actions.ts";
const ROUTE_FILE = "src/app/api/example/route.ts";
const asServerModule = (body: string) => `"use server";\n\n${body}\n`;

describe("the wrapped entry points lint rule", () => {
  describe('in a "use server" file', () => {
    it.each([
      ["an exported function", "export async function act(formData: FormData) {\n  void formData;\n}"],
      ["an unwrapped const", "export const act = async () => {};"],
      ["a let", 'import { viewerAction } from "@/server/entry/actions";\nimport { useCase } from "./use-case";\nexport let act = viewerAction(useCase, {});\nact = async () => {};'],
      ["a default export", "export default async function act() {}"],
      ["an export list", "const act = async () => {};\nexport { act };"],
      ["a re-export", 'export { act } from "./other";'],
      ["an export star", 'export * from "./other";'],
    ])("refuses %s", async (_, body) => {
      expect(await ruleIds(asServerModule(body), ACTIONS_FILE)).toContain(RULE);
    });

    it.each(["viewerAction", "agentAction", "viewerPost", "agentPost", "visitorPost"])("accepts an action created by %s", async (wrapper) => {
      const body = [
        `import { ${wrapper} } from "@/server/entry/actions";`,
        'import { useCase } from "./use-case";',
        `export const act = ${wrapper}(useCase, {});`,
        "export type ActState = { ok: boolean };",
      ].join("\n");
      expect(await ruleIds(asServerModule(body), ACTIONS_FILE)).not.toContain(RULE);
    });
  });

  it.each([
    ["function", 'async function save() {\n    "use server";\n  }'],
    ["arrow function", 'const save = async () => {\n    "use server";\n  };'],
  ])("refuses an inline server action (%s) in a page", async (_, save) => {
    const page = `export default function Page() {\n  ${save}\n  return <form action={save} />;\n}\n`;
    expect(await ruleIds(page, "src/app/example/page.tsx")).toContain(RULE);
  });

  describe("in a route file", () => {
    const unwrapped = 'export async function GET() {\n  return new Response("ok");\n}\n';

    it.each([
      ["an exported function", unwrapped],
      ["an export list", 'const handler = async () => new Response("ok");\nexport { handler as GET, handler as POST };\n'],
      ["a re-export", 'export { GET } from "./other";\n'],
      ["an unwrapped const", 'export const GET = async () => new Response("ok");\n'],
    ])("refuses %s", async (_, code) => {
      expect(await ruleIds(code, ROUTE_FILE)).toContain(RULE);
    });

    it("accepts a wrapped handler alongside the route segment config", async () => {
      const code = [
        'import { withViewer } from "@/server/entry/routes";',
        'export const dynamic = "force-dynamic";',
        'export const GET = withViewer(async () => new Response("ok"));',
        "",
      ].join("\n");
      expect(await ruleIds(code, ROUTE_FILE)).not.toContain(RULE);
    });

    it("leaves route files outside src/app alone", async () => {
      expect(await ruleIds(unwrapped, "scripts/example/route.ts")).not.toContain(RULE);
    });
  });

  it("passes every server action and route handler under src/app as they are now", async () => {
    const results = await eslint.lintFiles(["src/app/**/*.{ts,tsx}"]);
    const refused = results.flatMap((result) =>
      result.messages.filter((message) => message.ruleId === RULE).map((message) => `${result.filePath}:${message.line}: ${message.message}`),
    );
    expect(refused).toEqual([]);
  });
});
