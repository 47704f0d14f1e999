import { z } from "zod";
import { choiceParam } from "@/schemas/list-params";

export const API_TOKENS_PATH = "/settings/api-tokens";

export const API_TOKEN_NOTICES = ["revoked", "not_found"] as const;
export type ApiTokenNotice = (typeof API_TOKEN_NOTICES)[number];

/** What the API tokens page says after revoking one (`?done=`), read leniently like every page's URL. */
export const apiTokensParamsSchema = z.object({ done: choiceParam(API_TOKEN_NOTICES) });
