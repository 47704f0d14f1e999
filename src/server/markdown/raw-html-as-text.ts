// People's Markdown may contain HTML they typed or pasted (error messages, markup in a support
// request). Wherever Portico renders it — the request page and the mail — that HTML is shown as the
// text it is and never becomes elements; sanitizing comes after.

/** The part of a rehype tree node these plugins read and write. */
export interface TreeNode {
  type: string;
  value?: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: TreeNode[];
}

/** A rehype plugin: raw HTML from the Markdown becomes plain text; a block of it becomes a paragraph that keeps its line breaks. */
export function rawHtmlAsText() {
  const convert = (node: TreeNode): void => {
    node.children?.forEach((child, index, siblings) => {
      if (child.type !== "raw") return convert(child);
      const text: TreeNode = { type: "text", value: child.value ?? "" };
      siblings[index] = node.type === "root" ? { type: "element", tagName: "p", properties: {}, children: [text] } : text;
    });
  };
  return convert;
}
