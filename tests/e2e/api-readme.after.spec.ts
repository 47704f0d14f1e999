import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";

// The README's Requests API examples, run as written with the real curl against the portal on the
// demo data (only the address differs): what a newcomer copies works.

const run = promisify(execFile);

function readmeExamples(): string[] {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## Requests API"), readme.indexOf("\n## ", readme.indexOf("## Requests API") + 3));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  return block.split("\n").filter((line) => line.startsWith("curl "));
}

test("the README's curl examples work against the demo data", async ({ baseURL }) => {
  const examples = readmeExamples();
  expect(examples.length).toBeGreaterThanOrEqual(3);
  for (const example of examples) {
    const command = `${example.replaceAll("http://localhost:3000", baseURL!)} -w '\\n%{http_code}'`;
    const { stdout } = await run("sh", ["-c", command]);
    const lines = stdout.trimEnd().split("\n");
    const status = Number(lines.pop());
    expect(status, `${example}\n${stdout}`).toBeGreaterThanOrEqual(200);
    expect(status, `${example}\n${stdout}`).toBeLessThan(300);
    const body = JSON.parse(lines.join("\n")) as Record<string, unknown>;
    if (example.includes("/api/v1/me")) expect(body).toMatchObject({ email: "alice@acme.test" });
    if (example.includes("/api/v1/requests?")) expect(body).toMatchObject({ scope: "mine", data: expect.any(Array) });
    if (example.includes("-X POST")) expect(body).toMatchObject({ request: { subject: "Export to CSV is slow", status: "open", channel: "api" } });
  }
});
