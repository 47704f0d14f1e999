"use client";

import { useId, useRef, useState, useTransition, type KeyboardEvent, type TextareaHTMLAttributes } from "react";
import { focusRing } from "@/ui/styles";

export interface ComposerLabels {
  /** Names the pair of tabs. */
  tabs: string;
  write: string;
  preview: string;
  loading: string;
  empty: string;
  failed: string;
}

type Tab = "write" | "preview";

/**
 * A long text field with *Write* and *Preview* tabs. The text area stays in the form while the
 * preview shows (only hidden), so it is sent, kept as a draft and given back after an error like any
 * other field. The preview is rendered on the server by the page's own sanitized Markdown rendering
 * (POST /api/markdown/preview): the HTML inserted here has passed its sanitizer.
 */
export function MarkdownField({ labels, textarea }: { labels: ComposerLabels; textarea: TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; name: string } }) {
  const [tab, setTab] = useState<Tab>("write");
  // What the Preview tab shows: nothing yet (loading), the rendered text, or why there is none.
  const [preview, setPreview] = useState<{ html: string } | "empty" | "failed" | null>(null);
  const [loading, startLoading] = useTransition();
  const field = useRef<HTMLTextAreaElement>(null);
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ write: null, preview: null });
  const id = useId();
  const tabId = (which: Tab) => `${id}-${which}-tab`;
  const panelId = (which: Tab) => `${id}-${which}-panel`;

  const show = (which: Tab) => {
    setTab(which);
    if (which !== "preview") return;
    const text = field.current?.value ?? "";
    if (!text.trim()) return setPreview("empty");
    setPreview(null);
    startLoading(async () => {
      setPreview(await renderedPreview(text));
    });
  };

  // Arrow keys move between the two tabs, as in any tab list.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    const next: Tab = tab === "write" ? "preview" : "write";
    show(next);
    tabs.current[next]?.focus();
  };

  const tabClass = (which: Tab) =>
    `-mb-px rounded-t-md border px-3 py-1.5 text-sm font-medium ${focusRing} ${
      tab === which ? "border-slate-300 border-b-white bg-white text-slate-900" : "border-transparent text-slate-700 hover:text-slate-900"
    }`;

  return (
    <div className="mt-2">
      <div role="tablist" aria-label={labels.tabs} onKeyDown={onKeyDown} className="flex gap-1 border-b border-slate-300">
        {(["write", "preview"] as const).map((which) => (
          <button
            key={which}
            ref={(element) => {
              tabs.current[which] = element;
            }}
            type="button"
            role="tab"
            id={tabId(which)}
            aria-selected={tab === which}
            aria-controls={panelId(which)}
            tabIndex={tab === which ? 0 : -1}
            onClick={() => show(which)}
            className={tabClass(which)}
          >
            {labels[which]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={panelId("write")} aria-labelledby={tabId("write")} hidden={tab !== "write"} className="pt-2">
        <textarea ref={field} {...textarea} />
      </div>
      <div
        role="tabpanel"
        id={panelId("preview")}
        aria-labelledby={tabId("preview")}
        aria-busy={loading}
        hidden={tab !== "preview"}
        tabIndex={0}
        className={`mt-2 min-h-24 rounded-md border border-slate-300 px-3 py-2 ${focusRing}`}
      >
        {tab === "preview" &&
          (loading || preview === null ? (
            <p className="text-sm text-slate-600">{labels.loading}</p>
          ) : preview === "failed" ? (
            <p className="text-sm text-red-700">{labels.failed}</p>
          ) : preview === "empty" ? (
            <p className="text-sm text-slate-600">{labels.empty}</p>
          ) : (
            <div dangerouslySetInnerHTML={{ __html: preview.html }} />
          ))}
      </div>
    </div>
  );
}

/** The text as the server renders it (sanitized), or "failed" when it could not. */
async function renderedPreview(text: string): Promise<{ html: string } | "failed"> {
  try {
    const response = await fetch("/api/markdown/preview", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }) });
    if (!response.ok) return "failed";
    const body: unknown = await response.json();
    const html = (body as { html?: unknown } | null)?.html;
    return typeof html === "string" ? { html } : "failed";
  } catch {
    return "failed";
  }
}
