import { z } from "zod";
import { PRIORITY_CODES, REQUEST_STATUSES } from "@/domain";
import { choiceParam, cursorParam, DEFAULT_PAGE_SIZE, listParam, searchParam } from "./list-params";

/** The most rows one page of the Requests API may ask for. */
export const MAX_PAGE_LIMIT = 100;

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
  /** Rows a page holds: My Requests always shows the default (the URL cannot set it); the Requests API checks its caller's choice first. */
  limit: z
    .unknown()
    .optional()
    .transform((limit) => (typeof limit === "number" && Number.isInteger(limit) && limit >= 1 && limit <= MAX_PAGE_LIMIT ? limit : DEFAULT_PAGE_SIZE)),
});

export type RequestListParams = z.infer<typeof requestListParamsSchema>;
