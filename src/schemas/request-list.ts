import { z } from "zod";
import { PRIORITY_CODES, REQUEST_STATUSES } from "@/domain";
import { choiceParam, cursorParam, listParam, searchParam } from "./list-params";

export const REQUEST_SCOPES = ["mine", "ccd", "organization"] as const;
export type RequestScope = (typeof REQUEST_SCOPES)[number];

/** The My Requests view, from the URL's search parameters. */
export const requestListParamsSchema = z.object({
  q: searchParam,
  scope: choiceParam(REQUEST_SCOPES).transform((scope) => scope ?? "mine"),
  status: listParam(REQUEST_STATUSES),
  priority: listParam(PRIORITY_CODES),
  sort: choiceParam(["activity", "created"] as const).transform((sort) => sort ?? "activity"),
  order: choiceParam(["desc", "asc"] as const).transform((order) => order ?? "desc"),
  after: cursorParam,
  before: cursorParam,
});

export type RequestListParams = z.infer<typeof requestListParamsSchema>;
