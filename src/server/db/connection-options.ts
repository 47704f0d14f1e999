// Settings of every connection to PostgreSQL. It compiles a query to machine code once the query's
// estimated cost passes `jit_above_cost`: worth it for long reports, but the app's queries are short,
// and a queue search's count paid ~18 ms of compiling on every page (docs/PERFORMANCE.md, "No JIT
// compilation"). The embedded database has no compiler and ignores them.
export const CONNECTION_OPTIONS = "-c jit=off";
