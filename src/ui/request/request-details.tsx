import Link from "next/link";
import type { ReactNode } from "react";
import { getFormatter, getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { DAY, HOLD_REASON_DEFINITIONS, HOUR, PRIORITY_DEFINITIONS, SOLVED_REASON_DEFINITIONS, STATUS_DEFINITIONS, type HoldReason } from "@/domain";
import { formatDate, formatDateTime, formatRelativeTime } from "@/i18n/format";
import type { RequestPage } from "@/server/requests/get-request-page";
import { TranslatedStatusBadge } from "@/ui/translated-status-badge";

// The Details panel (docs/product.md §2–4, §8): status and what it means, the resolution, the service
// level and when the next update is due, the priority with its definition and reclassifications,
// the people, and the merge links both ways.

export async function RequestDetails({ page, now, ccs, waitingText }: { page: RequestPage; now: Date; ccs: ReactNode; /** What Pending means for this reader (agents: waiting for the requester). */ waitingText?: string }) {
  const [t, tRoot, locale, format, timeZone] = await Promise.all([getTranslations("request"), getTranslations(), getLocale(), getFormatter(), getTimeZone()]);
  const exact = (date: Date) => (
    <time dateTime={date.toISOString()} className="whitespace-nowrap">
      {formatDateTime(date, locale, timeZone)}
    </time>
  );
  // For messages that wrap a date in <time>…</time>: the tag carries the machine-readable instant.
  const time = (date: Date) =>
    function TimeTag(chunks: ReactNode) {
      return (
        <time dateTime={date.toISOString()} className="whitespace-nowrap">
          {chunks}
        </time>
      );
    };
  const holdReasonText = (reason: HoldReason) => (reason.code === "other" ? reason.text : tRoot(HOLD_REASON_DEFINITIONS[reason.code].labelKey));

  return (
    <section aria-labelledby="request-details-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="request-details-heading" className="text-lg font-semibold">
        {t("details")}
      </h2>
      <dl className="mt-3 divide-y divide-slate-100 text-sm">
        <Row term={t("status")}>
          <TranslatedStatusBadge status={page.status} size="regular" />
          <p className="mt-1 text-slate-700">{tRoot(STATUS_DEFINITIONS[page.status].meaningKey)}</p>
          {page.holdReason && <p className="mt-1 font-medium">{t("holdReason", { reason: holdReasonText(page.holdReason) })}</p>}
        </Row>
        {page.resolution && (
          <Row term={t("resolution.heading")}>
            <p className="font-medium">{resolutionText(page.resolution)}</p>
            {page.resolution.solvedAt && (
              <p className="mt-1 text-slate-600">
                {t.rich("resolution.solvedAt", { when: formatDateTime(page.resolution.solvedAt, locale, timeZone), time: time(page.resolution.solvedAt) })}
              </p>
            )}
          </Row>
        )}
        <Row term={t("serviceLevel.heading")}>
          {page.serviceLevel ? (
            <>
              <p>{t(`serviceLevel.${page.serviceLevel.kind}`, { target: targetText(page.serviceLevel.targetMs) })}</p>
              <p className={page.serviceLevel.breached ? "mt-1 font-medium text-red-800" : "mt-1 font-medium"}>
                {t.rich(page.serviceLevel.breached ? "serviceLevel.overdue" : "serviceLevel.due", {
                  when: formatDateTime(page.serviceLevel.dueAt, locale, timeZone),
                  relative: format.relativeTime(page.serviceLevel.dueAt, now),
                  time: time(page.serviceLevel.dueAt),
                })}
              </p>
            </>
          ) : (
            <p>{page.status === "pending" ? (waitingText ?? t("serviceLevel.waitingForYou")) : t("serviceLevel.solved")}</p>
          )}
        </Row>
        <Row term={t("priority")}>
          <p className="font-medium">{tRoot(PRIORITY_DEFINITIONS[page.priority].labelKey)}</p>
          <p className="mt-1 text-slate-700">{tRoot(PRIORITY_DEFINITIONS[page.priority].definitionKey)}</p>
        </Row>
        <Row term={t("priorityHistory")}>
          {page.priorityHistory.length === 0 ? (
            <p className="text-slate-700">{t("noPriorityHistory")}</p>
          ) : (
            <ol className="space-y-2">
              {page.priorityHistory.map((change) => (
                <li key={change.at.toISOString()}>
                  <p className="font-medium">
                    {t("priorityChange", { from: tRoot(PRIORITY_DEFINITIONS[change.from].labelKey), to: tRoot(PRIORITY_DEFINITIONS[change.to].labelKey) })}
                  </p>
                  <p className="text-slate-700">{change.reason}</p>
                  <p className="text-xs text-slate-600">{exact(change.at)}</p>
                </li>
              ))}
            </ol>
          )}
        </Row>
        <Row term={t("requester")}>{page.requester.name}</Row>
        <Row term={t("cc.heading")}>{ccs}</Row>
        <Row term={t("organization")}>{page.organization.name}</Row>
        <Row term={t("created")}>
          {exact(page.createdAt)}
          <span className="text-slate-600"> · {formatRelativeTime(page.createdAt, now, locale, timeZone)}</span>
        </Row>
        <Row term={t("lastActivity")}>
          {exact(page.lastActivityAt)}
          <span className="text-slate-600"> · {formatRelativeTime(page.lastActivityAt, now, locale, timeZone)}</span>
        </Row>
        {page.mergedFrom.length > 0 && (
          <Row term={t("mergedFrom")}>
            <ul className="space-y-1">
              {page.mergedFrom.map((source) => (
                <li key={source.id}>
                  <Link href={`/requests/${source.id}`} className="font-medium text-indigo-700 underline hover:text-indigo-900">
                    #{source.id} {source.subject}
                  </Link>
                </li>
              ))}
            </ul>
          </Row>
        )}
      </dl>
    </section>
  );

  function resolutionText(resolution: NonNullable<RequestPage["resolution"]>): ReactNode {
    switch (resolution.reason) {
      case "agreed":
        // The requester's own "Mark as solved" says so (docs/product.md §4.1).
        return resolution.byRequester ? t("markSolved.resolution", { name: page.requester.name }) : t("resolution.agreed");
      case "no_response":
        return t("resolution.noResponse");
      case "bug_reported": {
        const bug = resolution.bugReport;
        if (!bug) return tRoot(SOLVED_REASON_DEFINITIONS.bug_reported.labelKey);
        const text = t.rich("resolution.bugReported", {
          reference: bug.reference,
          priority: tRoot(PRIORITY_DEFINITIONS[bug.agreedPriority].labelKey),
          // A calendar date the agent picked, kept as the end of that day in UTC: shown as that date.
          eta: formatDate(bug.estimatedResolutionAt, locale, "UTC"),
          time: time(bug.estimatedResolutionAt),
        });
        if (bug.estimatedResolutionAt.getTime() >= now.getTime()) return text;
        // Said in words, not by colour alone.
        return (
          <>
            {text}{" "}
            <span title={tRoot("time.datePassedLabel")} className="whitespace-nowrap rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-300">
              {tRoot("time.datePassed")}
            </span>
          </>
        );
      }
      case "merged": {
        const target = resolution.mergedInto;
        if (!target) return tRoot(SOLVED_REASON_DEFINITIONS.merged.labelKey);
        return t.rich("resolution.merged", {
          id: String(target.id),
          subject: target.subject,
          link: (chunks) => (
            <Link href={`/requests/${target.id}`} className="text-indigo-700 underline hover:text-indigo-900">
              {chunks}
            </Link>
          ),
        });
      }
    }
  }

  function targetText(ms: number) {
    return ms % DAY === 0 ? t("serviceLevel.days", { count: ms / DAY }) : t("serviceLevel.hours", { count: Math.round(ms / HOUR) });
  }
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="py-3 first:pt-0 last:pb-0">
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-600">{term}</dt>
      <dd className="mt-1">{children}</dd>
    </div>
  );
}
