"use client";

import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore, type DragEvent } from "react";
import type { FormState } from "@/ui/form-state";
import { formatBytes } from "./bytes";

// Files for a message, uploaded the moment they are chosen or dropped — one request per file
// (POST /api/attachments), so each has its own progress and its own refusal — and sent with the
// message as hidden `attachmentIds` fields once ready; the message's action claims them. Removing a
// file before sending only drops its id: files never sent are cleaned up on the server later. The
// server decides; the checks here only say the same thing sooner. Strings arrive translated.

/** Why a file is not part of the message: the upload route's codes, plus what the browser saw. */
export type AttachmentRefusal = "too_large" | "empty" | "too_many" | "message_too_large" | "too_many_unsent" | "infected" | "signed_out" | "network" | "other";

export interface AttachmentLimits {
  maxFileBytes: number;
  maxMessageBytes: number;
  maxFiles: number;
}

/** Texts from the server; `{name}`, `{percent}` and `{reason}` are filled in here. */
export interface AttachmentPickerLabels {
  attach: string;
  dropHint: string;
  dropping: string;
  /** The limits, already in words. */
  limits: string;
  listLabel: string;
  uploading: string;
  ready: string;
  checking: string;
  remove: string;
  removeFile: string;
  retry: string;
  retryFile: string;
  /** Why sending waits: said beside the form's disabled button. */
  busy: string;
  announce: { uploading: string; ready: string; checking: string; refused: string; removed: string };
  /** Each with its limit already in words. */
  refusals: Record<AttachmentRefusal, string>;
}

/** What a page gives a form for its files: the limits, the texts and the language sizes are written in. */
export interface AttachmentPickerSetup {
  limits: AttachmentLimits;
  labels: AttachmentPickerLabels;
  locale: string;
}

type Status = "uploading" | "ready" | "checking" | "refused" | "failed";

interface Entry {
  key: number;
  file: File;
  status: Status;
  /** 0–1 while uploading. */
  progress: number;
  /** The staged attachment's id, once uploaded. */
  id?: string;
  refusal?: AttachmentRefusal;
}

export interface AttachmentList {
  entries: readonly Entry[];
  /** A file is still on its way: the message must wait for it. */
  busy: boolean;
  add(files: readonly File[]): void;
  remove(key: number): void;
  retry(key: number): void;
  /** What the live region says about the latest change. */
  announcement: string;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** For a form that sends no files (the hook is called all the same). */
const NO_ATTACHMENTS: AttachmentPickerSetup = {
  limits: { maxFileBytes: 0, maxMessageBytes: 0, maxFiles: 0 },
  labels: {
    attach: "",
    dropHint: "",
    dropping: "",
    limits: "",
    listLabel: "",
    uploading: "",
    ready: "",
    checking: "",
    remove: "",
    removeFile: "",
    retry: "",
    retryFile: "",
    busy: "",
    announce: { uploading: "", ready: "", checking: "", refused: "", removed: "" },
    refusals: { too_large: "", empty: "", too_many: "", message_too_large: "", too_many_unsent: "", infected: "", signed_out: "", network: "", other: "" },
  },
  locale: "en",
};

let nextKey = 1;

const REFUSALS: readonly string[] = ["too_large", "empty", "too_many", "message_too_large", "too_many_unsent", "infected"];

/**
 * The form's files, kept by the form component itself — above the fields that start afresh after each
 * answer — so that they stay through a refused submission and are emptied once one went through.
 */
export function useAttachmentList(setup: AttachmentPickerSetup | undefined, state: FormState): AttachmentList {
  const { limits, labels } = setup ?? NO_ATTACHMENTS;
  const [entries, setEntries] = useState<Entry[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const uploads = useRef(new Map<number, XMLHttpRequest>());

  // Sent: the message took its files, the list starts empty (as the draft is forgotten).
  const [answered, setAnswered] = useState(state.submission);
  if (answered !== state.submission) {
    setAnswered(state.submission);
    if (state.status === "done") {
      setEntries([]);
      setAnnouncement("");
    }
  }

  // Leaving the page stops what is still uploading.
  useEffect(() => {
    const running = uploads.current;
    return () => {
      for (const request of running.values()) request.abort();
      running.clear();
    };
  }, []);

  const update = useCallback((key: number, change: Partial<Entry>) => setEntries((all) => all.map((entry) => (entry.key === key ? { ...entry, ...change } : entry))), []);

  const refuse = useCallback(
    (key: number, name: string, refusal: AttachmentRefusal) => {
      update(key, { status: refusal === "network" ? "failed" : "refused", refusal });
      setAnnouncement(fill(labels.announce.refused, { name, reason: labels.refusals[refusal] }));
    },
    [labels, update],
  );

  const upload = useCallback(
    (key: number, file: File) => {
      const request = new XMLHttpRequest();
      uploads.current.set(key, request);
      const done = () => uploads.current.delete(key);
      request.upload.onprogress = (event) => {
        if (event.lengthComputable) update(key, { progress: event.loaded / event.total });
      };
      request.onerror = () => {
        done();
        refuse(key, file.name, "network");
      };
      request.onload = () => {
        done();
        const body = parse(request.responseText);
        if (request.status === 201) {
          const staged = (body?.attachments as { id: string; scanStatus: string }[] | undefined)?.[0];
          if (!staged) return refuse(key, file.name, "other");
          const checking = staged.scanStatus === "pending";
          update(key, { status: checking ? "checking" : "ready", progress: 1, id: staged.id });
          setAnnouncement(fill(checking ? labels.announce.checking : labels.announce.ready, { name: file.name }));
          return;
        }
        if (request.status === 401) return refuse(key, file.name, "signed_out");
        const code = typeof body?.code === "string" ? body.code : "";
        refuse(key, file.name, REFUSALS.includes(code) ? (code as AttachmentRefusal) : request.status >= 500 ? "network" : "other");
      };
      const form = new FormData();
      form.append("file", file, file.name);
      request.open("POST", "/api/attachments");
      request.send(form);
      update(key, { status: "uploading", progress: 0, refusal: undefined });
      setAnnouncement(fill(labels.announce.uploading, { name: file.name }));
    },
    [labels, refuse, update],
  );

  const add = useCallback(
    (files: readonly File[]) => {
      // The same checks as the server's, in order, against what the message holds so far.
      const kept = entries.filter((entry) => entry.status !== "refused" && entry.status !== "failed");
      let count = kept.length;
      let total = kept.reduce((sum, entry) => sum + entry.file.size, 0);
      const added: Entry[] = [];
      const toUpload: Entry[] = [];
      let lastRefusal = "";
      for (const file of files) {
        const entry: Entry = { key: nextKey++, file, status: "uploading", progress: 0 };
        const refusal: AttachmentRefusal | null =
          file.size === 0 ? "empty" : file.size > limits.maxFileBytes ? "too_large" : count >= limits.maxFiles ? "too_many" : total + file.size > limits.maxMessageBytes ? "message_too_large" : null;
        if (refusal) {
          entry.status = "refused";
          entry.refusal = refusal;
          lastRefusal = fill(labels.announce.refused, { name: file.name, reason: labels.refusals[refusal] });
        } else {
          count += 1;
          total += file.size;
          toUpload.push(entry);
        }
        added.push(entry);
      }
      setEntries((all) => [...all, ...added]);
      for (const entry of toUpload) upload(entry.key, entry.file);
      if (lastRefusal) setAnnouncement(lastRefusal);
    },
    [entries, labels, limits, upload],
  );

  const remove = useCallback(
    (key: number) => {
      uploads.current.get(key)?.abort();
      uploads.current.delete(key);
      const entry = entries.find((candidate) => candidate.key === key);
      setEntries((all) => all.filter((candidate) => candidate.key !== key));
      if (entry) setAnnouncement(fill(labels.announce.removed, { name: entry.file.name }));
    },
    [entries, labels],
  );

  const retry = useCallback(
    (key: number) => {
      const entry = entries.find((candidate) => candidate.key === key);
      if (entry) upload(key, entry.file);
    },
    [entries, upload],
  );

  return { entries, busy: entries.some((entry) => entry.status === "uploading"), add, remove, retry, announcement };
}

function parse(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const subscribeToNothing = () => () => {};

/**
 * The file chooser, the drop zone and the list, inside the message's form. Shown once the page's
 * script runs: without it a file could not be uploaded ahead of the message.
 */
export function AttachmentPicker(props: { list: AttachmentList; setup: AttachmentPickerSetup; error?: string | undefined }) {
  const { list, setup } = props;
  const { labels, locale } = setup;
  const scripted = useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const inputId = `${id}-files`;
  const percent = new Intl.NumberFormat(locale, { style: "percent" });
  if (!scripted) return null;

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    list.add(Array.from(event.dataTransfer.files));
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    // Only files are taken; anything else dragged over is left to the browser.
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const described = [`${id}-hint`, props.error ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <div className="space-y-2">
      <div
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-dragging={dragging || undefined}
        className="rounded-md border-2 border-dashed border-slate-400 p-3 text-sm data-[dragging]:border-indigo-600 data-[dragging]:bg-indigo-50"
      >
        {/* The input itself takes the focus and the keys; its label is what is seen. */}
        <input
          ref={input}
          id={inputId}
          type="file"
          multiple
          className="peer sr-only"
          aria-describedby={described}
          aria-invalid={props.error ? true : undefined}
          onChange={(event) => {
            list.add(Array.from(event.currentTarget.files ?? []));
            // Emptied, so that the same file can be chosen again after removing it.
            event.currentTarget.value = "";
          }}
        />
        <label
          htmlFor={inputId}
          className="inline-block cursor-pointer rounded-md border border-slate-400 bg-white px-3 py-1.5 font-medium text-slate-900 hover:bg-slate-50 peer-focus-visible:outline peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-600"
        >
          {labels.attach}
        </label>
        <p id={`${id}-hint`} className="mt-2 text-slate-700">
          {dragging ? labels.dropping : labels.dropHint} {labels.limits}
        </p>
      </div>
      {props.error && (
        <p id={`${id}-error`} role="alert" className="text-sm font-medium text-red-700">
          {props.error}
        </p>
      )}
      {list.entries.length > 0 && (
        <ul aria-label={labels.listLabel} className="divide-y divide-slate-200 rounded-md border border-slate-200 text-sm">
          {list.entries.map((entry) => (
            <li key={entry.key} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
              <span className="min-w-0 flex-1 break-all font-medium">{entry.file.name}</span>
              <span className="text-slate-700">{formatBytes(entry.file.size, locale)}</span>
              <EntryStatus entry={entry} labels={labels} percent={percent} />
              {entry.status === "failed" && (
                <button type="button" onClick={() => list.retry(entry.key)} aria-label={fill(labels.retryFile, { name: entry.file.name })} className="font-medium text-indigo-700 underline hover:text-indigo-900">
                  {labels.retry}
                </button>
              )}
              <button
                type="button"
                onClick={() => {
                  list.remove(entry.key);
                  // The button goes with its row: the focus goes back to the chooser.
                  input.current?.focus();
                }}
                aria-label={fill(labels.removeFile, { name: entry.file.name })}
                className="font-medium text-red-700 underline hover:text-red-900"
              >
                {labels.remove}
              </button>
              {entry.id && (entry.status === "ready" || entry.status === "checking") && <input type="hidden" name="attachmentIds" value={entry.id} />}
            </li>
          ))}
        </ul>
      )}
      {/* A polite live region, not a status: the form's own status line says what the form did. */}
      <p aria-live="polite" className="sr-only" data-attachment-announcements="">
        {list.announcement}
      </p>
    </div>
  );
}

function EntryStatus({ entry, labels, percent }: { entry: Entry; labels: AttachmentPickerLabels; percent: Intl.NumberFormat }) {
  switch (entry.status) {
    case "uploading": {
      const text = fill(labels.uploading, { percent: percent.format(entry.progress) });
      return (
        <span className="flex items-center gap-2 text-slate-700">
          <progress value={Math.round(entry.progress * 100)} max={100} aria-label={`${entry.file.name}: ${text}`} className="h-2 w-24" />
          <span>{text}</span>
        </span>
      );
    }
    case "ready":
      return <span className="font-medium text-emerald-800">{labels.ready}</span>;
    case "checking":
      return <span className="font-medium text-amber-800">{labels.checking}</span>;
    case "refused":
    case "failed":
      return <span className="w-full font-medium text-red-700">{labels.refusals[entry.refusal ?? "other"]}</span>;
  }
}
