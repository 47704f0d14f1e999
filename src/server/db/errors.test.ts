import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isRecoveryConflict } from "./errors";

// The shapes below are what Prisma 7 with the pg driver adapter throws while PostgreSQL restarts
// (read from a private cluster stopped under queries, bench/faults.ts).

const adapterError = (cause: Record<string, unknown>) => Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause });

describe("isDatabaseUnavailable", () => {
  it("recognises a server that cannot be reached, that ended the connection or is starting up", () => {
    const cases: unknown[] = [
      Object.assign(new Error("Can't reach database server at 127.0.0.1:55473"), { code: "P1001", clientVersion: "7.10.0" }),
      Object.assign(new Error("Server has closed the connection."), { code: "P1017", clientVersion: "7.10.0" }),
      Object.assign(new Error("Raw query failed. Code: `N/A`."), { code: "P2010", meta: { driverAdapterError: adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 }) } }),
      Object.assign(new Error("Raw query failed. Code: `57P01`."), { code: "P2010", meta: { driverAdapterError: adapterError({ kind: "postgres", code: "57P01", originalCode: "57P01" }) } }),
      Object.assign(new Error("x"), { code: "P2010", meta: { driverAdapterError: adapterError({ kind: "postgres", code: "57P03", message: "the database system is starting up" }) } }),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 }),
      new Error("Connection terminated unexpectedly"),
      Object.assign(new Error("wrapped"), { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) }),
    ];
    for (const error of cases) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("leaves every other failure alone: a constraint, a bad query, a bug", () => {
    const cases: unknown[] = [
      Object.assign(new Error("Unique constraint failed"), { code: "P2002", clientVersion: "7.10.0" }),
      Object.assign(new Error("Raw query failed. Code: `42P01`."), { code: "P2010", meta: { driverAdapterError: adapterError({ kind: "TableDoesNotExist", table: "x" }) } }),
      Object.assign(new Error("Timed out fetching a new connection"), { code: "P2024" }),
      new TypeError("Cannot read properties of undefined"),
      "a string",
      null,
    ];
    for (const error of cases) expect(isDatabaseUnavailable(error), String(error)).toBe(false);
  });
});

describe("isRecoveryConflict", () => {
  it("recognises a read a standby cancelled to go on replaying, and nothing else", () => {
    const cancelled = Object.assign(new Error("Raw query failed. Code: `40001`. Message: `canceling statement due to conflict with recovery`"), {
      code: "P2010",
      meta: { driverAdapterError: adapterError({ kind: "postgres", code: "40001", originalCode: "40001", message: "canceling statement due to conflict with recovery" }) },
    });
    expect(isRecoveryConflict(cancelled)).toBe(true);
    expect(isDatabaseUnavailable(cancelled)).toBe(false);
    expect(isRecoveryConflict(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isRecoveryConflict(new Error("Connection terminated unexpectedly"))).toBe(false);
  });
});
