import { getAttachmentStore } from "@/server/attachments";
import { BEING_CHECKED, SCAN_RETRY_AFTER_SECONDS, downloadAnswer, getAttachment } from "@/server/attachments/get-attachment";
import { getDatabase } from "@/server/db";
import { problem, withVisitor } from "@/server/entry/routes";

// One attached file (docs/SECURITY.md "Attachments"). Signed out, missing, forbidden or a wrong name:
// the same 404 as every other route's, so the URL tells nothing about what exists.

const notFound = () => problem(404, "not_found", "Not found.");

export const GET = withVisitor<{ params: Promise<{ id: string; name: string }> }>(async (request, viewer, { params }) => {
  if (!viewer) return notFound();
  const { id, name } = await params;
  const found = await getAttachment(getDatabase(), viewer, { attachmentId: id, fileName: name });
  if (!found.ok) {
    if (found.reason === "refused" && found.refusal.code === BEING_CHECKED) {
      const answer = problem(503, BEING_CHECKED, found.refusal.message);
      answer.headers.set("Retry-After", String(SCAN_RETRY_AFTER_SECONDS));
      return answer;
    }
    return notFound();
  }
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  const answer = await downloadAnswer(getAttachmentStore(), found.file, { headers: request.headers, method: request.method, inline });
  if (answer.status === 404) return notFound();
  if (answer.status === 416) {
    const refusal = problem(416, "range_not_satisfiable", "The range asked for is past the end of the file.");
    for (const header of ["Content-Range", "Accept-Ranges", "ETag"]) refusal.headers.set(header, answer.headers.get(header) ?? "");
    return refusal;
  }
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
});
