import type { ReactNode } from "react";
import Markdown, { type Options } from "react-markdown";
import { BoundedCache } from "@/server/runtime/bounded-cache";

/** The wording around an image's text (its alt text or address) in the reader's language. */
export type ImageLabel = (label: string) => string;

/**
 * One way of rendering people's Markdown (on the request's page, in a mail), with what each text renders to kept per
 * process for the most recently rendered `bound` characters. Parsing and sanitizing is most of the work, and a
 * message's text never changes (docs/PERFORMANCE.md, "Markdown, rendered once").
 */
export class KeptMarkdown {
  private readonly kept: BoundedCache<ReactNode>;

  constructor(
    bound: number,
    private readonly optionsFor: (imageLabel: ImageLabel) => Omit<Options, "children">,
  ) {
    this.kept = new BoundedCache(bound);
  }

  render(text: string, imageLabel: ImageLabel): ReactNode {
    // The image label is all the output takes from the reader (their language): its wording around a placeholder is part of the key.
    const key = `${imageLabel("\u0000")}\u0000${text}`;
    // `Markdown` is a plain function of its props (no hooks): called here, its output can be kept.
    return this.kept.get(key, () => Markdown({ ...this.optionsFor(imageLabel), children: text }));
  }

  /** How many renderings are kept. */
  get count(): number {
    return this.kept.count;
  }
}
