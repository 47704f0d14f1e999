// Vitest runs outside the React server environment; `server-only` has nothing to guard there.
export {};
