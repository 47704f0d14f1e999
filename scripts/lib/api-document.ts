import { fileURLToPath } from "node:url";

/** Where the committed OpenAPI document lives. */
export const API_DOCUMENT_PATH = fileURLToPath(new URL("../../docs/api/openapi.json", import.meta.url));

/** The document as committed: two-space JSON and a final newline. */
export function documentText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
