import type { Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { KeptMarkdown, type ImageLabel } from "@/server/markdown/kept-markdown";
import { rawHtmlAsText } from "@/server/markdown/raw-html-as-text";

// People's text (replies, descriptions) as Markdown, rendered on the server and sanitized, with
// their line breaks kept. GitHub-flavoured Markdown (tables, task lists, strikethrough, autolinks;
// docs/decisions/0013) only adds syntax: what it produces passes the same allow-list. HTML typed into the text is shown as the text it is — people paste error
// messages and markup into support requests — and never becomes elements; what Markdown itself
// produces then passes GitHub's allow-list (rehype-sanitize's default schema), so no script, event
// handler or style gets through. Links never pass on the page's authority; images are shown as
// links, so a reply cannot load a tracking pixel.

const LINK_REL = "noopener noreferrer nofollow";

function componentsFor(imageLabel: ImageLabel): Components {
  return {
    a: ({ href, title, children }) => (
      <a href={href} title={title} rel={LINK_REL}>
        {children}
      </a>
    ),
    img: ({ src, alt }) =>
      typeof src === "string" && src ? (
        <a href={src} rel={LINK_REL}>
          {imageLabel(alt || src)}
        </a>
      ) : null,
    // A task list shows what was ticked; nobody can tick it here (the sanitizer keeps it disabled too).
    input: ({ type, checked }) => (type === "checkbox" ? <input type="checkbox" checked={Boolean(checked)} disabled readOnly className="mr-1.5 align-middle" /> : null),
    // A task's words are its checkbox's label.
    li: ({ className, children }) =>
      className?.split(" ").includes("task-list-item") ? (
        <li className={className}>
          <label>{children}</label>
        </li>
      ) : (
        <li className={className}>{children}</li>
      ),
    // A wide table scrolls inside itself, like a code block.
    table: ({ children }) => (
      <div className="my-2 overflow-x-auto [contain:inline-size]">
        <table>{children}</table>
      </div>
    ),
    // The page's own headings go to h3; a reply's headings stay below them.
    h1: "h4",
    h2: "h5",
    h3: "h6",
    h4: "h6",
    h5: "h6",
  };
}

const markdownClass = [
  // A long word breaks anywhere, and a code block scrolls inside itself (its width counts for nothing
  // in the page's layout), so no reply can make the page wider than a phone's screen.
  "wrap-anywhere text-sm leading-6 text-slate-800",
  "[&_p]:my-2 [&_p]:whitespace-pre-line [&_p:first-child]:mt-0 [&_p:last-child]:mb-0",
  "[&_a]:font-medium [&_a]:text-indigo-700 [&_a]:underline",
  "[&_strong]:font-semibold [&_em]:italic",
  "[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.85em]",
  "[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:[contain:inline-size] [&_pre]:rounded-md [&_pre]:bg-slate-100 [&_pre]:p-3 [&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:text-slate-700",
  "[&_table]:border-collapse [&_table]:text-left [&_th]:border [&_th]:border-slate-300 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1 [&_th]:font-semibold [&_td]:border [&_td]:border-slate-300 [&_td]:px-2 [&_td]:py-1",
  "[&_del]:line-through [&_li.task-list-item]:list-none [&_ul.contains-task-list]:pl-2",
  "[&_h4]:mt-3 [&_h4]:font-semibold [&_h5]:mt-3 [&_h5]:font-semibold [&_h6]:mt-3 [&_h6]:font-semibold",
].join(" ");

// Parsing and sanitizing is most of a request page's own rendering work (~0.3 ms a short reply): what a
// message renders to is kept for the most recently shown ~2 MB of text.
const shownMessages = new KeptMarkdown(2_000_000, (imageLabel) => ({ remarkPlugins: [remarkGfm], rehypePlugins: [rawHtmlAsText, rehypeSanitize], components: componentsFor(imageLabel) }));

export function MarkdownText({ text, imageLabel }: { text: string; imageLabel: ImageLabel }) {
  return <div className={markdownClass}>{shownMessages.render(text, imageLabel)}</div>;
}
