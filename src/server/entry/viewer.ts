import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { readSessionConfig } from "@/config/env";
import { sessionClaims } from "@/server/auth/session";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import type { Outcome } from "@/server/outcome";
import { loadViewer, type SignedInViewer } from "@/server/people/viewer";
import { requestClient } from "@/server/security/request-client";
import { continueSession, isSessionOpen } from "@/server/security/sessions";

// Who is asking. Every entry point resolves the viewer here — pages, server actions (actions.ts) and
// route handlers (routes.ts) — and nothing else reads the session or the user row, so a page load
// reads the user once (the layout, the language and the page share this per-request answer).

/**
 * The signed-in viewer, read fresh once per request; null when signed out, when the cookie's
 * session has ended on the server (signed out elsewhere, idle, a password change, a disabled
 * account), or when the account is gone.
 */
export const findViewer = cache(async (): Promise<SignedInViewer | null> => {
  // Per-request by nature: never prerendered at build time, when there is no database.
  await connection();
  const claims = await sessionClaims();
  if (!claims) return null;
  const [db, now] = [getDatabase(), getClock().now()];
  const config = readSessionConfig();
  if (!(await continueSession(db, claims, now, config))) return null;
  const viewer = await loadViewer(db, claims.userId, { now, channel: "web" });
  return viewer && { ...viewer, sessionId: claims.sessionId, client: await requestClient(config) };
});

/** For pages: the signed-in viewer, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireViewer(returnTo: string): Promise<SignedInViewer> {
  const viewer = await findViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return viewer;
}

/**
 * For the agent console's pages: the signed-in agent. Anyone else gets 404 — the console does not
 * tell customers it exists.
 */
export async function requireAgentViewer(returnTo: string): Promise<SignedInViewer> {
  const viewer = await requireViewer(returnTo);
  if (!viewer.actor.isAgent) notFound();
  return viewer;
}

/** For pages: what a use case found, or the 404 page for "not found"; any other failure is a bug here. */
export function found<T extends object>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome;
  if (outcome.reason === "not_found") notFound();
  throw new Error(`A page's use case answered ${outcome.reason}.`);
}

/** For a long-lived response (a live stream): asks again whether the viewer's sign-in session is still open. */
export function sessionStillOpen(viewer: SignedInViewer): () => Promise<boolean> {
  const { sessionId } = viewer;
  if (!sessionId) return async () => true;
  return () => isSessionOpen(getDatabase(), { userId: viewer.actor.userId, sessionId }, getClock().now(), readSessionConfig());
}
