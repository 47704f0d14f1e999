import type { Actor, Channel } from "@/domain";
import type { Locale } from "@/i18n/locales";
import type { Database } from "@/server/db/client";
import type { Client } from "@/server/security/client";

/**
 * Who acts, when, and how they reach us: what every use case is given. The entry point that resolved
 * the viewer (a page, an action, a route, a job) sets the channel; the rules are the same for all.
 */
export interface Viewer {
  actor: Actor;
  now: Date;
  channel: Channel;
  /** Where the viewer's request came from, for the audit trail and throttling; absent for jobs and tests. */
  client?: Client;
}

/** What reading needs: who, and when. */
export type Reader = Pick<Viewer, "actor" | "now">;

/** The signed-in person, as pages show them. */
export interface Person {
  id: string;
  email: string;
  name: string;
  /** Their saved language, or null when they never chose one. */
  locale: Locale | null;
  /** Their IANA time zone, or null until they choose one or their browser reports it. */
  timeZone: string | null;
  /** Their chosen theme, or null to follow the system's setting. */
  theme: "light" | "dark" | null;
  isAgent: boolean;
  memberships: Array<{ organizationId: string; organizationName: string; isTechnicalContact: boolean; isAdmin: boolean }>;
}

export interface SignedInViewer extends Viewer {
  person: Person;
  /** The server-side session the viewer came with; absent for a viewer made without one (a test). */
  sessionId?: string;
}

/**
 * The viewer for a user id, read fresh in one query: the person, their memberships and their
 * grants (revoked ones give nothing; the domain checks expiry against the clock), so a revoked grant
 * or a new membership counts on the next request. Null when the account no longer exists or is disabled.
 */
export async function loadViewer(db: Database, userId: string, at: Pick<Viewer, "now" | "channel">): Promise<SignedInViewer | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      timeZone: true,
      theme: true,
      isAgent: true,
      disabledAt: true,
      memberships: { select: { organizationId: true, isTechnicalContact: true, isAdmin: true, organization: { select: { name: true } } } },
      accessGrants: { where: { revokedAt: null }, select: { organizationId: true, revokedAt: true, expiresAt: true } },
    },
  });
  if (!user || user.disabledAt) return null;
  const memberships = user.memberships.map(({ organization, ...membership }) => ({ ...membership, organizationName: organization.name }));
  return {
    person: { id: user.id, email: user.email, name: user.name, locale: user.locale, timeZone: user.timeZone, theme: user.theme, isAgent: user.isAgent, memberships },
    actor: { userId: user.id, isAgent: user.isAgent, memberships: memberships.map(({ organizationId, isTechnicalContact, isAdmin }) => ({ organizationId, isTechnicalContact, isAdmin })), grants: user.accessGrants },
    now: at.now,
    channel: at.channel,
  };
}
