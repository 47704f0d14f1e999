/** Where a request comes from, as far as the server can tell: recorded with sessions and audit events, and throttled. */
export interface Client {
  address: string | null;
  userAgent: string | null;
}

export const UNKNOWN_CLIENT: Client = { address: null, userAgent: null };

const MAX_USER_AGENT_LENGTH = 512;
const MAX_ADDRESS_LENGTH = 64;

/**
 * The client's address from X-Forwarded-For, counting `trustedProxies` hops from the right: each
 * proxy in front of the app appends the address it was reached from, so the entry just left of the
 * proxies' own is the client. With no proxy, the app's server sets the header to the connection's
 * address when the client did not send one (docs/SECURITY.md says what that leaves open).
 */
export function clientFrom(headers: Headers, trustedProxies: number): Client {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = forwarded.at(-Math.max(1, trustedProxies)) ?? null;
  const userAgent = headers.get("user-agent");
  return {
    address: address ? normalizedAddress(address).slice(0, MAX_ADDRESS_LENGTH) : null,
    userAgent: userAgent ? userAgent.slice(0, MAX_USER_AGENT_LENGTH) : null,
  };
}

// "::ffff:127.0.0.1" and "127.0.0.1" are one client.
function normalizedAddress(address: string): string {
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}
