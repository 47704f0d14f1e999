import { describe, expect, it } from "vitest";
import { formatElapsed, step } from "./progress";
import { readyBanner } from "./serve";

describe("formatElapsed", () => {
  it("says seconds under a minute, minutes and seconds after", () => {
    expect(formatElapsed(0)).toBe("0 s");
    expect(formatElapsed(8_400)).toBe("8 s");
    expect(formatElapsed(65_000)).toBe("1 min 05 s");
    expect(formatElapsed(125_000)).toBe("2 min 05 s");
  });
});

describe("step", () => {
  it("says what it starts, then how long it took and what came of it", async () => {
    const lines: string[] = [];
    let clock = 1_000;
    const result = await step(
      "Migrating the database",
      async () => {
        clock += 3_000;
        return ["20260101_init"];
      },
      { print: (line) => lines.push(line), now: () => clock, summary: (applied) => `applied ${applied.join(", ")}` },
    );
    expect(result).toEqual(["20260101_init"]);
    expect(lines).toEqual(["Migrating the database…", "Migrating the database: done in 3 s (applied 20260101_init)."]);
  });

  it("says when a step failed, and lets the error through", async () => {
    const lines: string[] = [];
    await expect(
      step("Building the portal", () => Promise.reject(new Error("broken")), { print: (line) => lines.push(line), now: () => 0 }),
    ).rejects.toThrow("broken");
    expect(lines.at(-1)).toBe("Building the portal: failed after 0 s.");
  });
});

describe("readyBanner", () => {
  it("ends with the address and a demo account to sign in with", () => {
    const banner = readyBanner("http://localhost:3000", true, 130_000);
    expect(banner).toContain("Portico is ready at http://localhost:3000 (started in 2 min 10 s).");
    expect(banner).toContain("password portico-demo");
    expect(banner).toContain("alice@acme.test");
    expect(banner).toContain("agent@portico.test");
  });

  it("names no account when the database has no demo data", () => {
    expect(readyBanner("https://support.example.com", false, 5_000)).not.toContain("@");
  });
});
