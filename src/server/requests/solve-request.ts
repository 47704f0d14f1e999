import "server-only";
import { solveRequestSchema, toResolution } from "@/schemas/agent-request";
import { defineRequestChange } from "./change-request";

/** Solves a request as agreed, or as a bug reported with its reference, agreed priority and estimated date. */
export const solveRequest = defineRequestChange(solveRequestSchema, ({ actor, now }, input) => ({
  may: ["work_request"],
  makeCommand: () => ({ type: "solve", at: now, agentId: actor.userId, resolution: toResolution(input) }),
}));
