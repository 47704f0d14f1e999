import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { SignedInViewer } from "@/server/people/viewer";
import { commonProblems, readAnswer } from "./common";

// GET /api/v1/me: who the credential acts as, and what they may see.

export const meSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    isAgent: z.boolean(),
    locale: z.enum(["en", "ko", "it"]).nullable(),
    timeZone: z.string().nullable(),
    organizations: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        isTechnicalContact: z.boolean(),
        isAdmin: z.boolean(),
      }),
    ),
  })
  .meta({ id: "Me", description: "The person the credential acts as." });

export type Me = z.infer<typeof meSchema>;

export function toMe(viewer: SignedInViewer): Me {
  const { person } = viewer;
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    isAgent: person.isAgent,
    locale: person.locale,
    timeZone: person.timeZone,
    organizations: person.memberships.map((membership) => ({
      id: membership.organizationId,
      name: membership.organizationName,
      isTechnicalContact: membership.isTechnicalContact,
      isAdmin: membership.isAdmin,
    })),
  };
}

export const mePaths: ZodOpenApiPathsObject = {
  "/api/v1/me": {
    get: {
      operationId: "getMe",
      summary: "Who the credential acts as",
      tags: ["People"],
      responses: { ...readAnswer("The person, their organizations and roles.", meSchema), ...commonProblems },
    },
  },
};
