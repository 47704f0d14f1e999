/** The pages that show one request — the portal's and the agent console's — from a form's `requestId`. */
export function requestPages(values: Partial<Record<string, string | string[]>>): string[] {
  const id = encodeURIComponent(String(values.requestId ?? ""));
  return [`/requests/${id}`, `/agent/requests/${id}`, "/requests"];
}
