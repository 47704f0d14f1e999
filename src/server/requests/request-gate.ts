import { can, visibleRequestsFilter, type RequestAccess, type RequestAction, type RequestParties } from "@/domain";
import type { Prisma } from "@/generated/prisma/client";
import { notFound, type Outcome } from "@/server/outcome";
import type { Reader } from "@/server/people/viewer";
import { openableRequestsWhere } from "./visibility-query";

// The one gate to a request: every page, use case and job that opens a request by id comes through
// here. The id and the viewer's visibility filter go into the same query, so a request that does not
// exist and one the viewer may not see take the same path and the same time; then the domain's `can`
// decides on the row (defense in depth) for viewing and for each action wanted. Anything refused is
// "not found", whatever the reason.

export const partiesSelect = { organizationId: true, requesterId: true, ccs: { select: { userId: true } } } as const satisfies Prisma.RequestSelect;

/** What `can` needs to know about a request: its parties and those of the requests a merge links it to. */
export const requestAccessSelect = {
  ...partiesSelect,
  mergedInto: { select: partiesSelect },
  mergedFrom: { select: partiesSelect },
} as const satisfies Prisma.RequestSelect;

type AccessRow = Prisma.RequestGetPayload<{ select: typeof requestAccessSelect }>;

export interface OpenedRequest<Row> {
  request: Row;
  access: RequestAccess;
}

/**
 * The request `id` with the columns of `select`, for a viewer allowed to see it and to do each of
 * `may`; "not found" otherwise. Works on a transaction too, so a write reads what it changes under
 * the same check.
 */
export async function findRequestFor<Select extends Prisma.RequestSelect>(
  db: Prisma.TransactionClient,
  viewer: Reader,
  id: number,
  options: { may?: readonly RequestAction[]; select: Select },
): Promise<Outcome<OpenedRequest<Prisma.RequestGetPayload<{ select: Select }>>>> {
  const { actor, now } = viewer;
  const row = await db.request.findFirst({
    where: { AND: [{ id }, openableRequestsWhere(visibleRequestsFilter(actor, now))] },
    // A caller may ask more of `ccs` or the merge links (names, a subject), keeping `partiesSelect` in them.
    select: { ...requestAccessSelect, ...options.select },
  });
  if (!row) return notFound();
  const access = toRequestAccess(row as unknown as AccessRow);
  const actions: readonly RequestAction[] = ["view_request", ...(options.may ?? [])];
  if (!actions.every((action) => can(actor, action, access, now))) return notFound();
  return { ok: true, request: row as unknown as Prisma.RequestGetPayload<{ select: Select }>, access };
}

interface PartiesRow {
  organizationId: string;
  requesterId: string;
  ccs: readonly { userId: string }[];
}

function toParties(row: PartiesRow): RequestParties {
  return { organizationId: row.organizationId, requesterId: row.requesterId, ccUserIds: row.ccs.map((cc) => cc.userId) };
}

export function toRequestAccess(row: PartiesRow & { mergedInto?: PartiesRow | null; mergedFrom?: readonly PartiesRow[] }): RequestAccess {
  return {
    ...toParties(row),
    mergedInto: row.mergedInto ? toParties(row.mergedInto) : null,
    mergedFrom: (row.mergedFrom ?? []).map(toParties),
  };
}
