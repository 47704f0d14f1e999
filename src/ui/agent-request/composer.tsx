"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { isShortcutPress } from "@/ui/keyboard-shortcuts";
import { focusRing } from "@/ui/styles";

// The agent's one composer (docs/product.md §8): a public reply or an internal note, as two tabs over
// two forms, each keeping its own draft. `r` opens the reply and `n` the note with the cursor in the
// text; `?` lists the shortcuts. No shortcut fires while the agent types in a field.

type Tab = "reply" | "note";

export interface ComposerLabels {
  tablist: string;
  reply: string;
  note: string;
  shortcutsHint: string;
  shortcuts: {
    heading: string;
    intro: string;
    reply: string;
    note: string;
    help: string;
    close: string;
  };
}

export function Composer(props: { labels: ComposerLabels; reply: ReactNode; note: ReactNode }) {
  const id = useId();
  const [tab, setTab] = useState<Tab>("reply");
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({
    reply: null,
    note: null,
  });
  const panels = useRef<Record<Tab, HTMLDivElement | null>>({
    reply: null,
    note: null,
  });
  const dialog = useRef<HTMLDialogElement>(null);
  const { labels } = props;

  useEffect(() => {
    const write = (to: Tab) => {
      setTab(to);
      // The panel shows on the next render; the text field is focused once it can be.
      requestAnimationFrame(() => panels.current[to]?.querySelector<HTMLTextAreaElement>("textarea[name=body]")?.focus());
    };
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isShortcutPress(event)) return;
      switch (event.key) {
        case "r":
          write("reply");
          break;
        case "n":
          write("note");
          break;
        case "?":
          dialog.current?.showModal();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  // Arrow keys, Home and End move between the tabs (the tablist pattern); Tab goes into the panel.
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next: Tab | null = ["ArrowRight", "ArrowLeft", "Home", "End"].includes(event.key)
      ? event.key === "Home"
        ? "reply"
        : event.key === "End"
          ? "note"
          : tab === "reply"
            ? "note"
            : "reply"
      : null;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    tabs.current[next]?.focus();
  };

  const tabButton = (name: Tab, label: string) => (
    <button
      ref={(element) => {
        tabs.current[name] = element;
      }}
      type="button"
      role="tab"
      id={`${id}-${name}-tab`}
      aria-selected={tab === name}
      aria-controls={`${id}-${name}-panel`}
      tabIndex={tab === name ? 0 : -1}
      onClick={() => setTab(name)}
      onKeyDown={onTabKey}
      className={`-mb-px rounded-t-md border px-4 py-2 text-sm font-medium ${focusRing} ${
        tab === name ? "border-slate-200 border-b-white bg-white text-indigo-800" : "border-transparent text-slate-700 hover:text-slate-900"
      }`}
    >
      {label}
    </button>
  );
  const panel = (name: Tab, content: ReactNode) => (
    <div
      ref={(element) => {
        panels.current[name] = element;
      }}
      role="tabpanel"
      id={`${id}-${name}-panel`}
      aria-labelledby={`${id}-${name}-tab`}
      hidden={tab !== name}
    >
      {content}
    </div>
  );

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div role="tablist" aria-label={labels.tablist} className="flex gap-1 border-b border-slate-200">
          {tabButton("reply", labels.reply)}
          {tabButton("note", labels.note)}
        </div>
        <button
          type="button"
          aria-haspopup="dialog"
          onClick={() => dialog.current?.showModal()}
          className={`mb-1 rounded-md px-2 py-1 text-xs text-slate-700 ring-1 ring-inset ring-slate-300 hover:bg-slate-50 ${focusRing}`}
        >
          {labels.shortcutsHint}
        </button>
      </div>
      {panel("reply", props.reply)}
      {panel("note", props.note)}
      <dialog ref={dialog} aria-labelledby={`${id}-shortcuts-title`} className="m-auto w-full max-w-md rounded-lg p-5 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={`${id}-shortcuts-title`} className="text-lg font-semibold">
          {labels.shortcuts.heading}
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {(
            [
              ["r", labels.shortcuts.reply],
              ["n", labels.shortcuts.note],
              ["?", labels.shortcuts.help],
            ] as const
          ).map(([key, what]) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 bg-slate-50 px-1.5 font-mono text-xs">{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-600">{labels.shortcuts.intro}</p>
        <form method="dialog" className="mt-4 text-right">
          <button type="submit" className={`rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 ${focusRing}`}>
            {labels.shortcuts.close}
          </button>
        </form>
      </dialog>
    </div>
  );
}

export interface SavedReplyPickerLabels {
  label: string;
  choose: string;
  insert: string;
  none: string;
  manage: string;
}

/**
 * Inserts a saved reply, its placeholders already filled, into the form's text where the cursor is
 * (replacing a selection), as if typed: the draft keeps it too.
 */
export function SavedReplyPicker(props: { savedReplies: ReadonlyArray<{ id: string; title: string; body: string }>; labels: SavedReplyPickerLabels; manageHref: string }) {
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const { labels } = props;
  if (props.savedReplies.length === 0) {
    return (
      <p className="text-sm text-slate-700">
        {labels.none}{" "}
        <a href={props.manageHref} className="font-medium text-indigo-700 underline hover:text-indigo-900">
          {labels.manage}
        </a>
      </p>
    );
  }
  const insert = () => {
    const chosen = props.savedReplies.find((reply) => reply.id === select.current?.value);
    const field = select.current?.form?.elements.namedItem("body");
    if (!chosen || !(field instanceof HTMLTextAreaElement)) return;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(chosen.body, start, end, "end");
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.focus();
  };
  return (
    <div className="flex flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor={id} className="block text-sm font-medium">
          {labels.label}
        </label>
        <select
          id={id}
          ref={select}
          defaultValue=""
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40"
        >
          <option value="" disabled>
            {labels.choose}
          </option>
          {props.savedReplies.map((reply) => (
            <option key={reply.id} value={reply.id}>
              {reply.title}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        onClick={insert}
        className={`rounded-md px-3 py-2 text-sm font-medium text-indigo-800 ring-1 ring-inset ring-indigo-300 hover:bg-indigo-50 ${focusRing}`}
      >
        {labels.insert}
      </button>
      <a href={props.manageHref} className="pb-2 text-sm font-medium text-indigo-700 underline hover:text-indigo-900">
        {labels.manage}
      </a>
    </div>
  );
}
