import { render } from "@react-email/components";
import { getTranslations } from "@/server/entry/translations";
import { problem, readJson, withViewer } from "@/server/entry/routes";
import { markdownPreviewSchema } from "@/schemas/markdown-preview";
import { MarkdownText } from "@/ui/request/markdown-text";

// POST /api/markdown/preview {text} → {html} — a composer's Preview tab: the text rendered exactly as
// the request page will show it, by the one sanitized Markdown rendering (src/ui/request/markdown-text.tsx),
// so what the browser inserts has passed the sanitizer. It reads nothing and stores nothing.

export const POST = withViewer(async (request) => {
  // Up to 20,000 characters of three bytes each, as JSON.
  const parsed = markdownPreviewSchema.safeParse(await readJson(request, 128 * 1024));
  if (!parsed.success) return problem(422, "invalid", "The text to preview is missing or too long.");
  const t = await getTranslations("request");
  const html = await render(<MarkdownText text={parsed.data.text} imageLabel={(label) => t("thread.image", { label })} />);
  // The renderer writes a whole document's doctype first; the composer wants the fragment.
  return Response.json({ html: html.replace(/^<!DOCTYPE[^>]*>/i, "") }, { headers: { "Cache-Control": "no-store" } });
});
