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


// Its look is `.markdown-text` (globals.css).

// Parsing and sanitizing is most of a request page's own rendering work (~0.3 ms a short reply): what a
// message renders to is kept for the most recently shown ~2 MB of text.
const shownMessages = new KeptMarkdown(2_000_000, (imageLabel) => ({ remarkPlugins: [remarkGfm], rehypePlugins: [rawHtmlAsText, rehypeSanitize], components: componentsFor(imageLabel) }));

export function MarkdownText({ text, imageLabel }: { text: string; imageLabel: ImageLabel }) {
  return <div className="markdown-text">{shownMessages.render(text, imageLabel)}</div>;
}
