// What the framework does with a page's inline server-component payload, timed on its own: each chunk
// is decoded from UTF-8, JSON-encoded, escaped for a <script> and encoded again. Once a payload holds a
// single character outside ASCII (a Korean subject, "è", the "·" of a title), JavaScript keeps it as a
// two-byte string, and Node.js decodes and escapes it far more slowly; this shows by how much, for the
// page given and for the same payload with those characters replaced, on the Node.js that runs it.
//
//   curl -s -H "Cookie: …" "http://localhost:3204/requests?scope=organization" > /tmp/page.html
//   npx tsx bench/text-encoding.ts --html /tmp/page.html [--runs 300]
//   /path/to/other/node --import tsx bench/text-encoding.ts --html /tmp/page.html

import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { runScript } from "../scripts/lib/run-script";
import { quantile } from "./lib/stats";

const { values: args } = parseArgs({ options: { html: { type: "string" }, runs: { type: "string", default: "300" } } });

// The framework's escape for JSON inside a <script> (htmlEscapeJsonString), as it ships.
const ESCAPED: Record<string, string> = { "&": "\\u0026", ">": "\\u003e", "<": "\\u003c", "\u2028": "\\u2028", "\u2029": "\\u2029" };
const escapeForScript = (json: string) => json.replace(/[&><\u2028\u2029]/g, (match) => ESCAPED[match]!);

/**
 * The median time of `work`, in microseconds, after a warm-up. Synchronous, unlike `time` of
 * ./lib/stats: an await per run would weigh on steps of a few microseconds.
 */
function timed(runs: number, work: () => unknown): number {
  for (let i = 0; i < Math.min(50, runs); i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  return quantile(times, 0.5);
}

runScript(async () => {
  if (!args.html) throw new Error("--html <a page saved from the app> is required.");
  const html = readFileSync(args.html, "utf8");
  const pushes = [...html.matchAll(/self\.__next_f\.push\((\[1,".*?"\])\)<\/script>/gs)].map((match) => (JSON.parse(match[1]!) as [number, string])[1]);
  if (pushes.length === 0) throw new Error(`${args.html} holds no inline server-component payload.`);
  const payload = pushes.join("");
  const outside = [...new Set(payload.replace(/[\x00-\x7f]/g, ""))];
  const runs = Number(args.runs);
  const rows = [
    ["as served", payload],
    ["ASCII only (each other character replaced by '-')", payload.replace(/[^\x00-\x7f]/g, "-")],
  ].map(([label, text]) => {
    const bytes = Buffer.from(text!);
    // As the framework has it: decoded from the bytes (a string built by replacing can stay two-byte).
    const json = JSON.stringify([1, bytes.toString("utf8")]);
    const escaped = escapeForScript(json);
    const decode = timed(runs, () => bytes.toString("utf8"));
    const escape = timed(runs, () => escapeForScript(json));
    const encode = timed(runs, () => Buffer.from(`<script>self.__next_f.push(${escaped})</script>`));
    return `| ${label} | ${bytes.length} | ${decode.toFixed(0)} | ${escape.toFixed(0)} | ${encode.toFixed(0)} | ${(decode + escape + encode).toFixed(0)} |`;
  });
  console.log(
    [
      `# A page's inline payload, decoded, escaped and encoded`,
      ``,
      `Node.js ${process.version}; ${args.html}: ${pushes.length} chunk(s), ${payload.length} characters, ${outside.length} distinct outside ASCII (${outside.slice(0, 20).join("")}); median of ${runs} runs each.`,
      ``,
      `| payload | bytes | decode µs | escape µs | encode µs | in all µs |`,
      `|---|---:|---:|---:|---:|---:|`,
      ...rows,
      ``,
    ].join("\n"),
  );
});
