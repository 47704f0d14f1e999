import { getDatabase } from "@/server/db";
import { chatTyping } from "@/server/chat/chat-actions";
import { outcomeResponse, withViewer } from "@/server/entry/routes";
import { getStreamHub } from "@/server/realtime/hub";

// POST /api/chats/{id}/typing — "I am typing", sent every few seconds while one types. Never stored:
// the other side's stream shows it for a moment.

export const POST = withViewer<{ params: Promise<{ id: string }> }>(async (_request, viewer, { params }) => {
  const typing = await chatTyping(getDatabase(), viewer, { chatId: (await params).id });
  if (typing.ok) await getStreamHub().publishTyping(typing.signal);
  return typing.ok ? new Response(null, { status: 204 }) : outcomeResponse(typing);
});
