import { getLocale, getTimeZone } from "next-intl/server";
import { getTranslations } from "@/server/entry/translations";
import { HOLD_REASON_DEFINITIONS, HOLD_REASONS, SOLVED_REASON_DEFINITIONS, SOLVED_REASONS, STATUS_DEFINITIONS, REQUEST_STATUSES, type RequestStatus } from "@/domain";
import { formatDate, formatDateTime } from "@/i18n/format";
import type { AgentEvent } from "@/server/requests/get-agent-request-page";

// The full event log for agents: who, when and what — status changes with from/to and reasons,
// priority changes, merges, CC changes, reminders, assignments, reopenings.

type Data = Record<string, unknown>;
const isStatus = (value: string | null): value is RequestStatus => value !== null && (REQUEST_STATUSES as readonly string[]).includes(value);

export async function EventLog({ events, people }: { events: AgentEvent[]; people: Record<string, string> }) {
  const [t, tRoot, locale, timeZone] = await Promise.all([getTranslations("agentRequest"), getTranslations(), getLocale(), getTimeZone()]);
  const status = (value: string | null) => (isStatus(value) ? tRoot(STATUS_DEFINITIONS[value].labelKey) : "—");
  const name = (id: unknown) => (typeof id === "string" ? (people[id] ?? id) : "—");

  function reasonOf(data: Data): string | null {
    const hold = data.holdReason as { code?: string; text?: string } | undefined;
    if (hold?.code === "other") return hold.text ?? null;
    if (hold?.code && (HOLD_REASONS as readonly string[]).includes(hold.code)) return tRoot(HOLD_REASON_DEFINITIONS[hold.code as (typeof HOLD_REASONS)[number]].labelKey);
    const solved = data.solvedReason;
    if (typeof solved === "string" && (SOLVED_REASONS as readonly string[]).includes(solved)) {
      const label = tRoot(SOLVED_REASON_DEFINITIONS[solved as (typeof SOLVED_REASONS)[number]].labelKey);
      if (typeof data.bugReference === "string") {
        const eta = typeof data.bugEta === "string" && !Number.isNaN(Date.parse(data.bugEta)) ? formatDate(new Date(data.bugEta), locale, "UTC") : "—";
        return `${label}: ${t("event.bug", { reference: data.bugReference, priority: String(data.bugPriority ?? "—"), eta })}`;
      }
      if (typeof data.mergedIntoId === "number") return `${label} → #${data.mergedIntoId}`;
      return label;
    }
    return null;
  }

  function describe(event: AgentEvent): string {
    const data: Data = event.data && typeof event.data === "object" && !Array.isArray(event.data) ? (event.data as Data) : {};
    switch (event.type) {
      case "created":
        return t("event.created", { status: status(event.toStatus), priority: event.toPriority ?? "—" });
      case "status_changed": {
        const reason = event.reason ?? reasonOf(data);
        const args = { from: status(event.fromStatus), to: status(event.toStatus) };
        return reason ? t("event.status_changed_reason", { ...args, reason }) : t("event.status_changed", args);
      }
      case "priority_changed":
        return t("event.priority_changed", { from: event.fromPriority ?? "—", to: event.toPriority ?? "—", reason: event.reason ?? "" });
      case "merged_into":
        return t("event.merged_into", { id: String(data.requestId ?? "—") });
      case "merge_received":
        return t("event.merge_received", { id: String(data.requestId ?? "—") });
      case "cc_added":
        return t("event.cc_added", { name: name(data.userId) });
      case "cc_removed":
        return t("event.cc_removed", { name: name(data.userId) });
      case "reopened":
        return t("event.reopened");
      case "reminder_sent":
        return t("event.reminder_sent", { count: String(data.reminderCount ?? "") });
      case "assigned":
        return typeof data.assigneeId === "string" ? t("event.assigned", { name: name(data.assigneeId) }) : t("event.unassigned");
      case "sla_breached":
        return t("event.sla_breached");
      case "auto_reply_received":
        return t(data.kind === "bounce" ? "event.bounce_received" : "event.auto_reply_received", { from: String(data.from ?? "—") });
      case "satisfaction_rated":
        return t("event.satisfaction_rated", { score: String(data.score ?? "") });
    }
  }

  return (
    <section aria-labelledby="event-log-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="event-log-heading" className="text-lg font-semibold">
        {t("eventLogHeading")}
      </h2>
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-700">{t("eventLogEmpty")}</p>
      ) : (
        <ol className="mt-3 space-y-2 text-sm">
          {[...events].reverse().map((event) => (
            <li key={event.id} data-event-type={event.type} className="border-l-2 border-slate-200 pl-3">
              <p className="font-medium text-slate-900">{describe(event)}</p>
              <p className="text-xs text-slate-600">
                {event.actor?.name ?? t("automation")} ·{" "}
                <time dateTime={event.at.toISOString()} className="whitespace-nowrap">
                  {formatDateTime(event.at, locale, timeZone)}
                </time>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
