// Whether an error says the database could not be reached or dropped the connection (a restart, a
// failover, the server stopped) rather than that a query was wrong. Such a failure is brief: the
// pool opens new connections once the server is back, so an entry point answers "try again in a
// moment" and keeps what the user wrote, instead of failing as if something broke for good.

/** Prisma's own codes: can't reach (P1001), timed out reaching (P1002, P1008), server closed the connection (P1017). */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** The driver adapter's kinds of the same. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Socket errors of node:net. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH"]);
/** PostgreSQL's SQLSTATE classes 08 (connection exception) and 57P (operator intervention: shutdown, starting up). */
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[1-4])$/;
/** What node-postgres says of a connection that ended under a query, or of a pool's client that did. */
const DRIVER_MESSAGES =
  /Connection terminated|Client has encountered a connection error|Connection is closed|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  return someErrorPart(error, ({ code, kind, message, originalCode }) => {
    if (typeof code === "string" && (PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATE.test(code))) return true;
    if (typeof originalCode === "string" && SQLSTATE.test(originalCode)) return true;
    if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true;
    return typeof message === "string" && DRIVER_MESSAGES.test(message);
  });
}

/**
 * Whether a standby cancelled the query because replaying the primary's changes needed what the query
 * held (a lock a vacuum takes to shorten a table, rows it removes): SQLSTATE 40001 "conflict with
 * recovery". The same read succeeds on the primary, or on the standby a moment later.
 */
export function isRecoveryConflict(error: unknown): boolean {
  return someErrorPart(error, ({ code, originalCode, message }) => code === "40001" || originalCode === "40001" || (typeof message === "string" && /conflict with recovery/i.test(message)));
}

/** Whether the error, or one it wraps, passes `test`. */
function someErrorPart(error: unknown, test: (part: Record<string, unknown>) => boolean): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown): boolean => {
    if (typeof value !== "object" || value === null || seen.has(value)) return false;
    seen.add(value);
    const part = value as Record<string, unknown>;
    if (test(part)) return true;
    // A raw query's failure (P2010) carries the driver's error under meta; others under cause.
    return visit(part.cause) || visit((part.meta as Record<string, unknown> | undefined)?.driverAdapterError) || visit(part.meta);
  };
  return visit(error);
}

/** The error's last line (Prisma's messages start with where it was called): for a one-line log. */
export function databaseErrorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n").map((line) => line.trim()).filter(Boolean).at(-1) ?? message;
}
