"use client";

import { useEffect, useRef } from "react";
import { focusRing } from "@/ui/styles";
import { CURRENT_ROW_ATTRIBUTE, QUEUE_ROWS } from "./queue-dom";
import { isShortcutPress } from "@/ui/keyboard-shortcuts";

// The queue's keyboard shortcuts: `j` / `k` move through the rows (the current one ringed, its
// subject link focused, so Enter opens it), `x` selects it, `?` lists the shortcuts. None fires while
// the agent types in a field, or with a modifier key held (the browser's own shortcuts).

export interface ShortcutLabels {
  button: string;
  title: string;
  close: string;
  hint: string;
  /** Headings and lines of the list: [key, what it does]. */
  groups: { heading: string; keys: [string, string][] }[];
}

export function QueueKeyboard({ labels }: { labels: ShortcutLabels }) {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const rows = () => [...document.querySelectorAll<HTMLTableRowElement>(QUEUE_ROWS)];
    const currentIndex = () => rows().findIndex((row) => row.hasAttribute(CURRENT_ROW_ATTRIBUTE));
    const makeCurrent = (row: HTMLTableRowElement | undefined, focus: boolean) => {
      if (!row) return;
      for (const other of rows()) if (other !== row) other.removeAttribute(CURRENT_ROW_ATTRIBUTE);
      row.setAttribute(CURRENT_ROW_ATTRIBUTE, "");
      if (focus) {
        row.querySelector<HTMLAnchorElement>("a[href]")?.focus({ preventScroll: true });
        row.scrollIntoView({ block: "nearest" });
      }
    };
    const onKey = (event: KeyboardEvent) => {
      if (!isShortcutPress(event)) return;
      const all = rows();
      const index = currentIndex();
      switch (event.key) {
        case "j":
          makeCurrent(all[Math.min(index + 1, all.length - 1)], true);
          break;
        case "k":
          makeCurrent(all[Math.max(index - 1, 0)], true);
          break;
        case "x":
          if (index < 0) return;
          all[index]?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.click();
          break;
        case "?":
          dialog.current?.showModal();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    // Tabbing or clicking into a row makes it the current one, so j/k go on from there.
    const onFocus = (event: FocusEvent) => {
      const row = event.target instanceof Element ? event.target.closest<HTMLTableRowElement>(QUEUE_ROWS) : null;
      if (row) makeCurrent(row, false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", onFocus);
    };
  }, []);

  return (
    <>
      <button type="button" onClick={() => dialog.current?.showModal()} className={`rounded-md px-2 py-1 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 ${focusRing}`}>
        <span aria-hidden="true" className="mr-1 font-mono">
          ?
        </span>
        {labels.button}
      </button>
      <dialog ref={dialog} aria-labelledby="queue-shortcuts-title" className="m-auto w-full max-w-md rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40">
        <h2 id="queue-shortcuts-title" className="text-lg font-semibold">
          {labels.title}
        </h2>
        {labels.groups.map((group) => (
          <section key={group.heading} className="mt-3">
            <h3 className="text-sm font-semibold text-slate-700">{group.heading}</h3>
            <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {group.keys.map(([key, what]) => (
                <div key={key} className="contents">
                  <dt>
                    <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <p className="mt-3 text-xs text-slate-600">{labels.hint}</p>
        <form method="dialog" className="mt-4 text-right">
          <button type="submit" className={`rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 ${focusRing}`}>
            {labels.close}
          </button>
        </form>
      </dialog>
    </>
  );
}
