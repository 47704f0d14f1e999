import { refuse, type Result } from "./refusal";

// Who may see and do what (docs/product.md §1, §6). One table decides; `can` reads it, and
// `visibleRequestsFilter` describes the same rule for the data layer to turn into a query filter.

/** The signed-in person, as the rules need them; or the automation (`AUTOMATION_ACTOR`). */
export interface Actor {
  userId: string;
  isAgent: boolean;
  /** The automation's own passes (reminders, no-response solves, service-level breaches). */
  isAutomation?: boolean;
  memberships: readonly Membership[];
  grants: readonly OrganizationGrant[];
}

/**
 * The automation acting on its own: it works every request as the reminder policy and the service
 * levels say, and is nobody — its events have no actor, and it reads no internal note.
 */
export const AUTOMATION_ACTOR: Actor = { userId: "", isAgent: false, isAutomation: true, memberships: [], grants: [] };

export interface Membership {
  organizationId: string;
  isTechnicalContact: boolean;
  isAdmin: boolean;
}

export interface OrganizationGrant {
  organizationId: string;
  revokedAt: Date | null;
  expiresAt: Date | null;
}

/** Who a request belongs to and who takes part in it. */
export interface RequestParties {
  organizationId: string;
  requesterId: string;
  ccUserIds: readonly string[];
}

/** A request as the access rules see it, with the requests a merge links it to (docs/product.md §4). */
export interface RequestAccess extends RequestParties {
  /** The request this one was merged into. */
  mergedInto?: RequestParties | null;
  /** The requests merged into this one. */
  mergedFrom?: readonly RequestParties[];
}

/**
 * How a person stands to one request. The first four hold on the request itself; the last two come
 * from a merge (docs/product.md §4: everyone who could see a merged request can follow the link):
 * - `merge_participant`: requester or CC of a request merged into this one — their conversation
 *   continues here, so they may read and reply;
 * - `merge_follower`: may see a request merged into this one, or the one this was merged into — they
 *   may read it. One hop only: a link followed never opens further links.
 */
export type Relation = "agent" | "automation" | "requester" | "cc" | "organization_viewer" | "merge_participant" | "merge_follower";

export type RequestAction =
  | "view_request"
  | "view_internal_notes"
  | "reply"
  | "solve_as_requester"
  | "add_internal_note"
  | "start_chat"
  | "manage_ccs"
  | "work_request";

/**
 * The permission table. A person may act when any of their relations to the request is listed.
 * Organization viewers (an active organization-level grant) read every request of the organization
 * but speak only on their own or where CC'd. `reply` is a reply in the request's thread from the
 * requester's side, which the reopen rule applies to; agents answer by working the request, from the
 * agent console, where they choose the status that follows (see `replyRoute`).
 */
export const REQUEST_PERMISSIONS = {
  view_request: ["agent", "automation", "requester", "cc", "organization_viewer", "merge_participant", "merge_follower"],
  view_internal_notes: ["agent"],
  reply: ["requester", "cc", "merge_participant"],
  // The requester's own verdict: marking the request solved and rating the answer (§4.1, §4.5).
  solve_as_requester: ["requester"],
  add_internal_note: ["agent"],
  start_chat: ["requester", "cc", "merge_participant"],
  manage_ccs: ["agent", "requester"],
  work_request: ["agent", "automation"],
} as const satisfies Record<RequestAction, readonly Relation[]>;

export function isGrantActive(grant: OrganizationGrant, now: Date): boolean {
  return grant.revokedAt === null && (grant.expiresAt === null || grant.expiresAt > now);
}

/** Organizations whose every request the actor may read: an active grant and a current membership. */
export function organizationsVisibleInFull(actor: Actor, now: Date): string[] {
  const memberOf = new Set(actor.memberships.map((membership) => membership.organizationId));
  const granted = actor.grants.filter((grant) => isGrantActive(grant, now) && memberOf.has(grant.organizationId));
  return [...new Set(granted.map((grant) => grant.organizationId))].sort();
}

const takesPart = (actor: Actor, request: RequestParties) => request.requesterId === actor.userId || request.ccUserIds.includes(actor.userId);

/** Sees the request without following a merge link: takes part in it, or reads its whole organization. */
function seesDirectly(actor: Actor, request: RequestParties, now: Date): boolean {
  return takesPart(actor, request) || organizationsVisibleInFull(actor, now).includes(request.organizationId);
}

export function relationsTo(actor: Actor, request: RequestAccess, now: Date): Set<Relation> {
  const relations = new Set<Relation>();
  if (actor.isAgent) relations.add("agent");
  if (actor.isAutomation) relations.add("automation");
  if (request.requesterId === actor.userId) relations.add("requester");
  if (request.ccUserIds.includes(actor.userId)) relations.add("cc");
  if (organizationsVisibleInFull(actor, now).includes(request.organizationId)) relations.add("organization_viewer");
  const mergedFrom = request.mergedFrom ?? [];
  if (mergedFrom.some((source) => takesPart(actor, source))) relations.add("merge_participant");
  const linked = request.mergedInto ? [request.mergedInto, ...mergedFrom] : mergedFrom;
  if (linked.some((other) => seesDirectly(actor, other, now))) relations.add("merge_follower");
  return relations;
}

export function can(actor: Actor, action: RequestAction, request: RequestAccess, now: Date): boolean {
  const relations = relationsTo(actor, request, now);
  return REQUEST_PERMISSIONS[action].some((relation) => relations.has(relation));
}

/**
 * Where a person's public message on a request goes: into the thread as a reply from the
 * requester's side (the reopen rule applies), through the agent console (agents answer there and
 * choose the status that follows), or nowhere.
 */
export type ReplyRoute = "thread" | "agent_console" | "none";

export function replyRoute(actor: Actor, request: RequestAccess, now: Date): ReplyRoute {
  if (can(actor, "reply", request, now)) return "thread";
  if (actor.isAgent && can(actor, "work_request", request, now)) return "agent_console";
  return "none";
}

/**
 * Who may open a new request: customers, in one of their organizations. Agents work the requests
 * customers open (portal, email, chat); they belong to no customer organization.
 */
export type NewRequestRefusalCode = "agents_cannot_create" | "no_organization";

export function checkNewRequest(actor: Actor): Result<object, NewRequestRefusalCode> {
  if (actor.isAgent || actor.isAutomation) return refuse("agents_cannot_create", "Requests are opened by customers; the support team works them.");
  if (actor.memberships.length === 0) return refuse("no_organization", "Only members of a customer organization can open a request.");
  return { ok: true };
}

/**
 * The requests an actor may see, as data: all of them (agents), or those they requested, are CC'd
 * on, or that belong to an organization they hold an active grant for. Same rule as `view_request`
 * without the merge links: lists and search show what a person sees directly, and a request reached
 * through a merge link opens from that link (`matchesFilterFollowingMergeLinks`).
 */
export type VisibleRequestsFilter =
  | { kind: "all" }
  | { kind: "some"; requesterId: string; ccUserId: string; organizationIds: string[] };

export function visibleRequestsFilter(actor: Actor, now: Date): VisibleRequestsFilter {
  if (actor.isAgent || actor.isAutomation) return { kind: "all" };
  return { kind: "some", requesterId: actor.userId, ccUserId: actor.userId, organizationIds: organizationsVisibleInFull(actor, now) };
}

/**
 * Every request of these organizations passes the filter whoever takes part in it: the viewer reads
 * each of them in full (or sees everything). A list limited to them needs no other visibility test.
 */
export function filterCoversOrganizations(filter: VisibleRequestsFilter, organizationIds: readonly string[]): boolean {
  return filter.kind === "all" || (organizationIds.length > 0 && organizationIds.every((id) => filter.organizationIds.includes(id)));
}

/** The filter read back as a predicate: what the query must return, for tests and in-memory checks. */
export function matchesFilter(filter: VisibleRequestsFilter, request: RequestParties): boolean {
  if (filter.kind === "all") return true;
  return (
    request.requesterId === filter.requesterId ||
    request.ccUserIds.includes(filter.ccUserId) ||
    filter.organizationIds.includes(request.organizationId)
  );
}

/**
 * One request opened by id (its page, its actions): the list filter, or the same filter on the
 * request it was merged into or on one merged into it. Same rule as `view_request`.
 */
export function matchesFilterFollowingMergeLinks(filter: VisibleRequestsFilter, request: RequestAccess): boolean {
  const linked = [request, ...(request.mergedInto ? [request.mergedInto] : []), ...(request.mergedFrom ?? [])];
  return linked.some((other) => matchesFilter(filter, other));
}

/** Who may be CC'd on a request: members of the request's organization (docs/product.md §2). */
export function canBeCcd(candidate: { userId: string; memberships: readonly Membership[] }, request: RequestAccess): boolean {
  return candidate.userId !== request.requesterId && candidate.memberships.some((membership) => membership.organizationId === request.organizationId);
}

export type CommentVisibility = "public" | "internal";

/** The parts of a thread a person may read: nothing of a request they may not see, internal notes only for agents. */
export function visibleComments<T extends { visibility: CommentVisibility }>(actor: Actor, request: RequestAccess, comments: readonly T[], now: Date): T[] {
  if (!can(actor, "view_request", request, now)) return [];
  const withNotes = can(actor, "view_internal_notes", request, now);
  return comments.filter((comment) => comment.visibility === "public" || withNotes);
}

/** Which comments a search may match for this person: internal notes only for agents. */
export function searchableCommentVisibilities(actor: Pick<Actor, "isAgent">): CommentVisibility[] {
  return actor.isAgent ? ["public", "internal"] : ["public"];
}
