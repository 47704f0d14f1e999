import { randomUUID } from "node:crypto";
import { withClient } from "./bench-database";

// The Requests API as a benchmark calls it: a token of a benchmark's own, and a page deep in a list.

/**
 * An API token for `email`, stored hashed like one made on the API tokens page; the earlier ones of
 * the same `name` (a benchmark's own) are removed first.
 */
export async function benchToken(url: string, email: string, name: string, access: "read" | "write" = "read"): Promise<string> {
  const { newApiToken } = await import("@/server/api/tokens");
  const made = newApiToken();
  await withClient(url, async (client) => {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]);
    const userId = rows[0]?.id;
    if (!userId) throw new Error(`No user ${email} in the benchmark database`);
    await client.query(`DELETE FROM "ApiToken" WHERE "userId" = $1 AND name = $2`, [userId, name]);
    await client.query(`INSERT INTO "ApiToken" (id, "userId", name, prefix, hash, access) VALUES ($1, $2, $3, $4, $5, $6)`, [randomUUID(), userId, name, made.prefix, made.hash, access]);
  });
  return made.token;
}

/** The URL of page `depth`, reached by following `nextCursor` from the first page as a client would. */
export async function deepPage(first: string, headers: Record<string, string>, depth: number): Promise<string> {
  let url = first;
  for (let page = 1; page < depth; page++) {
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
    const { nextCursor } = (await response.json()) as { nextCursor?: string | null };
    if (!nextCursor) throw new Error(`No next page after page ${page}`);
    const next = new URL(first);
    next.searchParams.set("cursor", nextCursor);
    url = next.toString();
  }
  return url;
}
