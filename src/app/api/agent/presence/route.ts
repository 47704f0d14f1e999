import { getDatabase } from "@/server/db";
import { beatChatPresence } from "@/server/chat/presence";
import { outcomeResponse, withAgent } from "@/server/entry/routes";

// POST /api/agent/presence — the open console's beat: an Available agent stays available while it
// comes (docs/realtime.md, "Availability"). Answers whether the switch is on.

export const POST = withAgent(async (_request, viewer) => outcomeResponse(await beatChatPresence(getDatabase(), viewer)));
