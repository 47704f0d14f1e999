"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { initialFormState, type FormAction } from "@/ui/form-state";
import { focusRing } from "@/ui/styles";
import { BULK_FORM_ID, ROW_CHECKBOXES } from "./queue-dom";

// The queue's selection and its bulk actions. The rows' checkboxes are server-rendered and belong to
// the bulk form by its id, so the form sends them without script; these parts add "select all", the
// number selected, and the answer in place.

function rowBoxes(): HTMLInputElement[] {
  return [...document.querySelectorAll<HTMLInputElement>(ROW_CHECKBOXES)];
}

/** How many rows are selected, followed as the checkboxes change (a click, `x`, select all). */
function useSelectedCount(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const update = () => setCount(rowBoxes().filter((box) => box.checked).length);
    update();
    document.addEventListener("change", update);
    // A live refresh can bring other rows: count again when the table changes.
    const table = document.querySelector("tbody");
    const observer = new MutationObserver(update);
    if (table) observer.observe(table, { childList: true, subtree: true });
    return () => {
      document.removeEventListener("change", update);
      observer.disconnect();
    };
  }, []);
  return count;
}

/** The header's checkbox: selects every row of the page, or none; mixed when some are. */
export function SelectAllBox({ label }: { label: string }) {
  const box = useRef<HTMLInputElement>(null);
  const count = useSelectedCount();
  useEffect(() => {
    const total = rowBoxes().length;
    if (!box.current) return;
    box.current.checked = total > 0 && count === total;
    box.current.indeterminate = count > 0 && count < total;
  }, [count]);
  return (
    <input
      ref={box}
      type="checkbox"
      aria-label={label}
      className="h-4 w-4 accent-indigo-600"
      onChange={(event) => {
        for (const row of rowBoxes()) row.checked = event.currentTarget.checked;
        event.currentTarget.dispatchEvent(new Event("change", { bubbles: true }));
      }}
    />
  );
}

export interface BulkLabels {
  label: string;
  /** "None selected", and "{count} selected" in the language's two plural forms (with Intl.PluralRules). */
  selected: { none: string; one: string; other: string; locale: string };
  assignTo: string;
  assign: string;
  setStatus: string;
  applyStatus: string;
  statusHint: string;
  saving: string;
}

const fieldClass = "rounded-md border border-slate-400 bg-white px-2 py-1 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40";
const buttonClass = `rounded-md border border-indigo-700 px-3 py-1 text-sm font-medium text-indigo-800 hover:bg-indigo-50 disabled:opacity-60 ${focusRing}`;

/**
 * "Assign to…" and "Set status…" for the selected rows, in one line above the table. The answer —
 * how many were changed, which were refused and why — is the page's one status line.
 */
export function BulkActionsForm(props: {
  action: FormAction;
  labels: BulkLabels;
  assignees: { value: string; label: string }[];
  statuses: { value: string; label: string }[];
}) {
  const { labels } = props;
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const count = useSelectedCount();
  // Once a change went through, the rows show it: the selection starts afresh.
  useEffect(() => {
    if (state.status !== "done") return;
    for (const box of rowBoxes()) box.checked = false;
    document.dispatchEvent(new Event("change"));
  }, [state]);
  return (
    <form id={BULK_FORM_ID} action={formAction} aria-label={labels.label} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="min-w-20 font-medium tabular-nums text-slate-700">{selectedText(labels.selected, count)}</span>
      <label className="sr-only" htmlFor="queue-bulk-assignee">
        {labels.assignTo}
      </label>
      <select id="queue-bulk-assignee" name="assigneeId" defaultValue="me" className={fieldClass}>
        {props.assignees.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="submit" name="change" value="assign" disabled={pending} className={buttonClass}>
        {labels.assign}
      </button>
      <label className="sr-only" htmlFor="queue-bulk-status">
        {labels.setStatus}
      </label>
      <select id="queue-bulk-status" name="status" defaultValue="pending" aria-describedby="queue-bulk-status-hint" className={fieldClass}>
        {props.statuses.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button type="submit" name="change" value="status" disabled={pending} className={buttonClass}>
        {labels.applyStatus}
      </button>
      <span id="queue-bulk-status-hint" className="sr-only">
        {labels.statusHint}
      </span>
      {/* Always in the page, so that screen readers announce what appears in them. */}
      <p role="status" className="text-emerald-800">
        {pending ? labels.saving : state.status === "done" ? state.message : ""}
      </p>
      <p role="alert" className="text-red-700">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}

function selectedText(selected: BulkLabels["selected"], count: number): string {
  if (count === 0) return selected.none;
  const form = new Intl.PluralRules(selected.locale).select(count) === "one" ? selected.one : selected.other;
  return form.replace("{count}", String(count));
}
