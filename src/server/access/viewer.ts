import "server-only";
import { notFound } from "next/navigation";
import type { Actor } from "@/domain";
import { getCurrentUser, requireUser, type CurrentUser } from "@/server/auth/current-user";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { loadActor } from "./actor";

export interface Viewer {
  user: CurrentUser;
  actor: Actor;
  now: Date;
}

/** For pages: the signed-in person as the access rules see them; signs in first when needed. */
export async function requireViewer(returnTo: string): Promise<Viewer> {
  const user = await requireUser(returnTo);
  const actor = await loadActor(getDatabase(), user.id);
  if (!actor) notFound();
  return { user, actor, now: getClock().now() };
}

/** For server actions and route handlers: the viewer, or null when signed out. */
export async function findViewer(): Promise<Viewer | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  const actor = await loadActor(getDatabase(), user.id);
  return actor ? { user, actor, now: getClock().now() } : null;
}

/**
 * For the agent console's pages: the signed-in agent. Anyone else gets 404 — the console does not
 * tell customers it exists. Every page and action of the console calls this (or `findAgentViewer`).
 */
export async function requireAgentViewer(returnTo: string): Promise<Viewer> {
  const viewer = await requireViewer(returnTo);
  if (!viewer.actor.isAgent) notFound();
  return viewer;
}

/** For the agent console's actions: the signed-in agent, or null for anyone else. */
export async function findAgentViewer(): Promise<Viewer | null> {
  const viewer = await findViewer();
  return viewer?.actor.isAgent ? viewer : null;
}
