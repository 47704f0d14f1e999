import { parseArgs } from "node:util";

/**
 * The options every query benchmark takes — `--runs`, `--cases a,b,…`, `--out <file>` — and the
 * `--variant` of those that try one; with the cases chosen.
 */
export function readBenchArgs<Case extends { key: string }>(cases: readonly Case[]) {
  const { values } = parseArgs({
    options: {
      runs: { type: "string", default: "50" },
      cases: { type: "string" },
      variant: { type: "string" },
      out: { type: "string" },
    },
  });
  const chosen = values.cases?.split(",");
  return {
    runs: Number(values.runs),
    selected: chosen ? cases.filter((benchCase) => chosen.includes(benchCase.key)) : [...cases],
    variant: values.variant,
    out: values.out,
  };
}
