import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "@/server/entry/translations";
import { DataTable } from "@/ui/data-table";
import { EmptyList } from "@/ui/empty-list";
import { KeysetPagination } from "@/ui/keyset-pagination";
import { focusRing } from "@/ui/styles";

// What the Mail page's lists share: what an empty page says, and Previous / Next. The Outgoing and Incoming lists also share their status filter, where
// "all" is the choice that filters nothing.

export type MailCursor = { after: string } | { before: string };

interface PageOfMail {
  previousCursor: string | null;
  nextCursor: string | null;
  onLaterPage: boolean;
}

/** Previous / Next; `href` is the list's URL from a cursor. */
export async function MailPagination({ page, href }: { page: PageOfMail; href: (cursor: MailCursor) => string }) {
  const t = await getTranslations("agentMail");
  return (
    <KeysetPagination
      label={t("pagination.label")}
      previous={t("pagination.previous")}
      next={t("pagination.next")}
      previousHref={page.previousCursor ? href({ before: page.previousCursor }) : null}
      nextHref={page.nextCursor ? href({ after: page.nextCursor }) : null}
    />
  );
}

/** The status filter: one link per choice, the current one marked. */
function StatusFilter<Status extends string>(props: { label: string; choices: readonly Status[]; current: Status; name: (status: Status) => string; href: (status: Status) => string }) {
  return (
    <nav aria-label={props.label}>
      <ul className="flex flex-wrap gap-2">
        {props.choices.map((status) => (
          <li key={status}>
            <Link
              href={props.href(status)}
              aria-current={status === props.current ? "true" : undefined}
              className={`inline-block rounded-full px-3 py-1 text-sm ring-1 ring-inset ${focusRing} ${status === props.current ? "bg-indigo-600 font-medium text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              {props.name(status)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A list of mail filtered by status (Outgoing, Incoming): the filter, the table of `rows` (or, with
 * none, what the empty page says) and the pages. `href` is the list's URL for a status and, for a
 * later page, a cursor.
 */
export async function FilteredMailList<Status extends string>(props: {
  page: PageOfMail & { view: { status: Status } };
  statuses: readonly Status[];
  statusName: (status: Exclude<Status, "all">) => string;
  href: (status: Status, cursor?: MailCursor) => string;
  caption: string;
  columns: readonly string[];
  rows: readonly ReactNode[];
  empty: { none: string; noMatch: string; pageEmpty: string; firstPage: string };
}) {
  const t = await getTranslations("agentMail");
  const { page, href, empty } = props;
  const current = page.view.status;
  return (
    <div className="space-y-4">
      <StatusFilter
        label={t("filters.label")}
        choices={props.statuses}
        current={current}
        name={(status) => (status === "all" ? t("filters.all") : props.statusName(status as Exclude<Status, "all">))}
        href={(status) => href(status)}
      />
      {props.rows.length > 0 ? (
        <DataTable caption={props.caption} columns={props.columns}>
          {props.rows}
        </DataTable>
      ) : (
        <EmptyList
          message={page.onLaterPage ? empty.pageEmpty : current === "all" ? empty.none : empty.noMatch}
          firstPage={page.onLaterPage ? { href: href(current), label: empty.firstPage } : undefined}
        />
      )}
      <MailPagination page={page} href={(cursor) => href(current, cursor)} />
    </div>
  );
}
