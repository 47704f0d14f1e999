import { createHash, randomBytes } from "node:crypto";

// Personal API tokens (docs/api.md): `ptc_` and 32 random bytes, shown once; only the SHA-256 is
// kept, so a stolen database opens nothing. Who a token stands for is resolved by the API's entry
// point (src/server/entry/token-viewer.ts).

export const TOKEN_PREFIX = "ptc_";

/** A new token: what its owner is shown once, what is kept, and the first characters the list shows. */
export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
