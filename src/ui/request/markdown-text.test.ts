import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownText } from "./markdown-text";

// People's text as the request page shows it: GitHub-flavoured Markdown, still sanitized.

const render = (text: string) => renderToStaticMarkup(createElement(MarkdownText, { text, imageLabel: (label: string) => `Image: ${label}` }));

describe("MarkdownText", () => {
  it("renders a table", () => {
    const html = render("| Version | Works |\n| --- | --- |\n| 4.2 | yes |\n| 4.3 | no |");
    expect(html).toContain("<table>");
    expect(html).toContain("<th>Version</th>");
    expect(html).toContain("<td>4.3</td>");
  });

  it("renders a task list with disabled checkboxes, ticked as written", () => {
    const html = render("- [x] Restarted the router\n- [ ] Tried another cable");
    const boxes = html.match(/<input[^>]*>/g) ?? [];
    expect(boxes).toHaveLength(2);
    for (const box of boxes) expect(box).toMatch(/disabled/);
    expect(boxes[0]).toMatch(/checked/);
    expect(boxes[1]).not.toMatch(/checked/);
    // Each task's words label its checkbox.
    expect(html).toMatch(/<label><input[^>]*>\s*Restarted the router<\/label>/);
  });

  it("renders strikethrough and autolinks, links never passing the page's authority", () => {
    const html = render("~~old~~ see https://example.com/status");
    expect(html).toContain("<del>old</del>");
    expect(html).toMatch(/<a href="https:\/\/example.com\/status" rel="noopener noreferrer nofollow">/);
  });

  it("shows typed HTML as text: no script, no event handler", () => {
    const html = render('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)">\n\n| a |\n| - |\n| <b onmouseover="x()">b</b> |');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<b /);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops a javascript: link and a checkbox written as HTML", () => {
    const html = render('[click](javascript:alert(1)) <input type="checkbox">');
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<input/);
  });
  it("renders a text once and shows it again in each viewer's language", () => {
    const text = "Before ![screenshot](https://example.com/s.png) after";
    const inKorean = () => renderToStaticMarkup(createElement(MarkdownText, { text, imageLabel: (label: string) => `이미지: ${label}` }));
    const first = render(text);
    expect(first).toContain(">Image: screenshot</a>");
    expect(render(text)).toBe(first);
    expect(inKorean()).toContain(">이미지: screenshot</a>");
    expect(render(text)).toBe(first);
  });
});
