import { describe, expect, it } from "vitest";
import { prepareSeededDatabase } from "../setup/seeded-database";

// The settings every connection of the app starts with (src/server/db/connection-options.ts).

const seeded = prepareSeededDatabase();
const onServer = Boolean(process.env.TEST_DATABASE_URL);

// Estimated at ~225,000, past the default jit_above_cost (100,000): compiled on a connection left as PostgreSQL sets it.

describe("the app's connections", () => {
  it("leave PostgreSQL's JIT compilation off, even for a query estimated dear enough to trigger it", async () => {
    const [setting] = await seeded.db.$queryRaw<{ jit: string }[]>`SHOW jit`;
    // The embedded database takes no startup options, and is built without a JIT compiler: only its plans can be checked.
    if (onServer) expect(setting?.jit).toBe("off");
    const [plan] = await seeded.db.$queryRaw<{ "QUERY PLAN": unknown }[]>`
      EXPLAIN (FORMAT JSON) SELECT count(*) FROM generate_series(1, 3000) a, generate_series(1, 3000) b WHERE a + b > 0`;
    expect(JSON.stringify(plan)).not.toContain('"JIT"');
  });
});
