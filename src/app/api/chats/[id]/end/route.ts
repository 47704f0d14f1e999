import { getDatabase } from "@/server/db";
import { endChat } from "@/server/chat/chat-actions";
import { noteOwnWrite } from "@/server/entry/list-database";
import { outcomeResponse, withViewer } from "@/server/entry/routes";
import { getStreamHub } from "@/server/realtime/hub";

// POST /api/chats/{id}/end — the customer or the agent ends the chat; its transcript joins the request.

export const POST = withViewer<{ params: Promise<{ id: string }> }>(async (_request, viewer, { params }) => {
  const ended = await endChat(getDatabase(), viewer, { chatId: (await params).id });
  if (ended.ok) {
    getStreamHub().nudge(ended.requestId);
    await noteOwnWrite();
  }
  return outcomeResponse(ended);
}, { channel: "chat" });
