import "server-only";
import type { CSSProperties } from "react";
import type { Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import { KeptMarkdown, type ImageLabel } from "@/server/markdown/kept-markdown";
import { rawHtmlAsText, type TreeNode } from "@/server/markdown/raw-html-as-text";
import { colors, fontMono } from "./styles";

// A message's Markdown in a mail, sanitized as on the request's page: HTML typed into the text shows
// as the text it is and never becomes elements, and what Markdown itself produces passes GitHub's
// allow-list (rehype-sanitize's default schema), so no script, event handler or style gets through.
// On top of that, mail links only to web and mail addresses (a relative link means nothing in an
// inbox), and images become links, so a message cannot load a tracking pixel or a remote picture.
// Every element carries its style inline, as mail clients drop style sheets.

/** Elements whose text flows in lines; elsewhere a line break is only the space between blocks. */
const FLOWING = new Set(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "a", "em", "strong", "del"]);

/**
 * A rehype plugin: line breaks inside a paragraph become <br>, so people's line breaks survive in
 * every mail client and in the plain-text part (where white-space styles mean nothing). Code blocks
 * keep theirs as they are.
 */
function lineBreaksAsBr() {
  const isBr = (node: TreeNode | undefined) => node?.type === "element" && node.tagName === "br";
  const visit = (node: TreeNode): void => {
    if (node.type === "element" && (node.tagName === "pre" || node.tagName === "code")) return;
    if (!node.children) return;
    const flowing = node.type === "element" && FLOWING.has(node.tagName ?? "");
    node.children = node.children.flatMap((child, index, siblings): TreeNode[] => {
      if (child.type !== "text") {
        visit(child);
        return [child];
      }
      // A hard break (two spaces, or a backslash) is already a <br> followed by the line's own newline.
      const value = isBr(siblings[index - 1]) ? (child.value ?? "").replace(/^\r?\n/, "") : (child.value ?? "");
      // Between a loose list item's paragraphs, a newline is layout, not a line break.
      if (!flowing || !value.includes("\n") || (node.tagName === "li" && value.trim() === "")) return [{ ...child, value }];
      return value.split(/\r?\n/).flatMap((line, lineIndex) => {
        const text: TreeNode = { type: "text", value: line };
        return lineIndex === 0 ? [text] : [{ type: "element", tagName: "br", properties: {}, children: [] }, text];
      });
    });
  };
  return visit;
}

const LINK_REL = "noopener noreferrer nofollow";

function isMailableLink(href: unknown): href is string {
  return typeof href === "string" && /^(https?:\/\/|mailto:)/i.test(href);
}

const paragraph: CSSProperties = { margin: "0 0 12px", fontSize: "15px", lineHeight: "24px", color: colors.text };
const link: CSSProperties = { color: colors.link, textDecoration: "underline" };
const heading: CSSProperties = { ...paragraph, fontWeight: 600 };
const list: CSSProperties = { margin: "0 0 12px", paddingLeft: "24px", fontSize: "15px", lineHeight: "24px", color: colors.text };
const code: CSSProperties = { fontFamily: fontMono, fontSize: "13px", backgroundColor: colors.codeBackground, borderRadius: "4px", padding: "1px 4px" };
const codeBlock: CSSProperties = {
  margin: "0 0 12px",
  padding: "12px",
  fontFamily: fontMono,
  fontSize: "13px",
  lineHeight: "20px",
  backgroundColor: colors.codeBackground,
  borderRadius: "6px",
  whiteSpace: "pre-wrap",
  wordBreak: "break-word",
  color: colors.text,
};
const quote: CSSProperties = { margin: "0 0 12px", padding: "0 0 0 12px", borderLeft: `4px solid ${colors.border}`, color: colors.muted };

function componentsFor(imageLabel: ImageLabel): Components {
  return {
    p: ({ children }) => <p style={paragraph}>{children}</p>,
    a: ({ href, title, children }) =>
      isMailableLink(href) ? (
        <a href={href} title={title} rel={LINK_REL} style={link}>
          {children}
        </a>
      ) : (
        <span>{children}</span>
      ),
    img: ({ src, alt }) =>
      isMailableLink(src) ? (
        <a href={src} rel={LINK_REL} style={link}>
          {imageLabel(alt || src)}
        </a>
      ) : null,
    h1: ({ children }) => <p style={heading}>{children}</p>,
    h2: ({ children }) => <p style={heading}>{children}</p>,
    h3: ({ children }) => <p style={heading}>{children}</p>,
    h4: ({ children }) => <p style={heading}>{children}</p>,
    h5: ({ children }) => <p style={heading}>{children}</p>,
    h6: ({ children }) => <p style={heading}>{children}</p>,
    ul: ({ children }) => <ul style={list}>{children}</ul>,
    ol: ({ children, start }) => (
      <ol style={list} start={start}>
        {children}
      </ol>
    ),
    blockquote: ({ children }) => <blockquote style={quote}>{children}</blockquote>,
    code: ({ children }) => <code style={code}>{children}</code>,
    pre: ({ children }) => <pre style={codeBlock}>{children}</pre>,
    hr: () => <hr style={{ border: "none", borderTop: `1px solid ${colors.border}`, margin: "12px 0" }} />,
    strong: ({ children }) => <strong style={{ fontWeight: 600 }}>{children}</strong>,
  };
}

// A change's mail goes to each of its recipients with the same message, rendered inside the change's
// transaction (~0.6 s for a 20,000-character description in the test build): what a message renders to is
// kept for the most recently mailed ~1 MB of text.
export const mailedMessages = new KeptMarkdown(1_000_000, (imageLabel) => ({ rehypePlugins: [rawHtmlAsText, lineBreaksAsBr, rehypeSanitize], components: componentsFor(imageLabel) }));

export function MailMarkdown({ text, imageLabel }: { text: string; imageLabel: ImageLabel }) {
  return mailedMessages.render(text, imageLabel);
}
