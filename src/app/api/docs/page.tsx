import type { Metadata } from "next";
import { getTranslations } from "@/server/entry/translations";
import { apiDocument } from "@/server/api/openapi";
import { buildReference } from "@/ui/api-docs/reference";
import { ApiReference } from "@/ui/api-docs/api-reference";

// /api/docs — the Requests API's reference (docs/api.md), open to anyone like the document it is
// rendered from: it describes what exists, never what any request holds.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiDocs");
  return { title: t("title") };
}

export default async function ApiDocsPage() {
  const t = await getTranslations("apiDocs");
  const reference = buildReference(apiDocument() as unknown as Record<string, unknown>);
  return (
    <ApiReference
      reference={reference}
      labels={{
        title: t("title"),
        intro: t("intro"),
        document: t("document"),
        contents: t("contents"),
        parameters: t("parameters"),
        body: t("body"),
        answers: t("answers"),
        name: t("name"),
        where: t("where"),
        type: t("type"),
        required: t("required"),
        optional: t("optional"),
        description: t("description"),
        example: t("example"),
        version: t("version", { version: reference.version }),
      }}
    />
  );
}
