import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// src/domain stays pure TypeScript: the lint configuration refuses framework, database and
// environment access there. This proves the rule bites, using the project's own configuration.
const eslint = new ESLint({ cwd: process.cwd() });

async function lintAsDomainFile(code: string) {
  const [result] = await eslint.lintText(code, { filePath: "src/domain/example.ts" });
  return (result?.messages ?? []).map((message) => message.ruleId);
}

describe("the domain module's purity", () => {
  it.each([
    ["Prisma", 'import { PrismaClient } from "@prisma/client";\nexport const db = PrismaClient;\n'],
    ["the generated client", 'import { Priority } from "@/generated/prisma/enums";\nexport const p = Priority;\n'],
    ["the database layer", 'import { getDatabase } from "@/server/db";\nexport const d = getDatabase;\n'],
    ["Next.js", 'import { redirect } from "next/navigation";\nexport const r = redirect;\n'],
    ["React", 'import { useState } from "react";\nexport const s = useState;\n'],
  ])("refuses an import of %s", async (_, code) => {
    expect(await lintAsDomainFile(code)).toContain("no-restricted-imports");
  });

  it("refuses reading process.env", async () => {
    expect(await lintAsDomainFile("export const secret = process.env.SECRET;\n")).toEqual(
      expect.arrayContaining(["no-restricted-properties"]),
    );
  });

  it("accepts plain TypeScript", async () => {
    expect(await lintAsDomainFile('import { HOUR } from "./clock";\nexport const twoHours = 2 * HOUR;\n')).toEqual([]);
  });

  it("finds nothing to refuse in the domain module as it is", async () => {
    const results = await eslint.lintFiles(["src/domain/**/*.ts"]);
    expect(results.flatMap((result) => result.messages.map((message) => `${result.filePath}: ${message.message}`))).toEqual([]);
  });
});
