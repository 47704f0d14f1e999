import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { KeptMarkdown } from "./kept-markdown";

const english = (label: string) => `Image: ${label}`;
const italian = (label: string) => `Immagine: ${label}`;

describe("KeptMarkdown", () => {
  it("renders a text once for readers whose image wording is the same, and once more for another wording", () => {
    let renderings = 0;
    const markdown = new KeptMarkdown(10_000, () => {
      renderings += 1;
      return {};
    });
    const text = "A *reply* with ![a chart](https://files.example.com/chart.png)";
    const first = markdown.render(text, english);
    expect(markdown.render(text, (label) => `Image: ${label}`)).toBe(first);
    expect(renderings).toBe(1);

    const other = markdown.render(text, italian);
    expect(renderings).toBe(2);
    expect(other).not.toBe(first);
    expect(markdown.count).toBe(2);
  });

  it("gives each reader the image wording of their own language", () => {
    const markdown = new KeptMarkdown(10_000, (imageLabel) => ({ components: { img: ({ alt }) => imageLabel(String(alt)) } }));
    const text = "![a chart](https://files.example.com/chart.png)";
    expect(renderToStaticMarkup(markdown.render(text, english))).toContain("Image: a chart");
    expect(renderToStaticMarkup(markdown.render(text, italian))).toContain("Immagine: a chart");
  });

  it("keeps no more text than its bound", () => {
    const markdown = new KeptMarkdown(100, () => ({}));
    for (let index = 0; index < 10; index += 1) markdown.render(`${index} ${"word ".repeat(8)}`, english);
    expect(markdown.count).toBeLessThan(10);
  });
});
