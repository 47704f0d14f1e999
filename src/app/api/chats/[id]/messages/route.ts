import { getDatabase } from "@/server/db";
import { sendChatMessage } from "@/server/chat/chat-actions";
import { noteOwnWrite } from "@/server/entry/list-database";
import { outcomeResponse, readJson, withViewer } from "@/server/entry/routes";
import { getStreamHub } from "@/server/realtime/hub";

// POST /api/chats/{id}/messages — {"body": "…", "clientId": "…"}: a line in the chat. Stored first;
// everyone in the chat (the sender too) receives it from the request's stream.

export const POST = withViewer<{ params: Promise<{ id: string }> }>(async (request, viewer, { params }) => {
  const body = await readJson(request);
  const sent = await sendChatMessage(getDatabase(), viewer, { ...body, chatId: (await params).id });
  if (sent.ok) {
    getStreamHub().nudge(sent.requestId);
    await noteOwnWrite();
  }
  return outcomeResponse(sent, 201);
}, { channel: "chat" });
