import { getDatabase } from "@/server/db";
import { outcomeResponse, withAgent } from "@/server/entry/routes";
import { getIncomingRaw } from "@/server/mail/console/get-incoming-mail";

// An incoming mail's source, byte for byte, as an .eml download, for agents only. Always an
// attachment, never shown inline: the message is what a stranger sent.

export const GET = withAgent<{ params: Promise<{ id: string }> }>(async (_request, viewer, { params }) => {
  const { id } = await params;
  const outcome = await getIncomingRaw(getDatabase(), viewer, { mailId: id });
  if (!outcome.ok) return outcomeResponse(outcome);
  return new Response(outcome.raw, {
    headers: {
      "Content-Type": "message/rfc822",
      "Content-Disposition": `attachment; filename="${id}.eml"`,
      "Content-Length": String(outcome.raw.byteLength),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox; default-src 'none'",
      "Cache-Control": "private, no-store",
    },
  });
});
