import { describe, expect, it } from "vitest";
import { apiDocument } from "@/server/api/openapi";
import { buildReference } from "./reference";

describe("the API reference's view of the OpenAPI document", () => {
  const document = apiDocument() as unknown as Record<string, unknown>;
  const reference = buildReference(document);
  const operations = reference.tags.flatMap((tag) => tag.operations);

  it("lists every operation of the document once, under its tag", () => {
    const expected = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    expect(operations.map((operation) => `${operation.method} ${operation.path}`).sort()).toEqual(expected.sort());
    expect(reference.tags.map((tag) => tag.name)).toEqual(expect.arrayContaining(["People", "Requests", "Agents"]));
  });

  it("resolves components: a request's answer shows its fields, an error its Problem document", () => {
    const read = operations.find((operation) => operation.id === "getRequest")!;
    const ok = read.answers.find((answer) => answer.status === "200")!;
    expect(ok.schemaName).toBe("RequestDetail");
    expect(ok.fields.map((field) => field.name)).toEqual(expect.arrayContaining(["id", "subject", "status", "thread"]));
    expect(read.answers.find((answer) => answer.status === "404")?.schemaName).toBe("Problem");
    expect(read.parameters).toEqual([expect.objectContaining({ name: "id", in: "path", required: true })]);
  });

  it("shows a write's body fields with whether they are required, and a curl line", () => {
    const create = operations.find((operation) => operation.method === "POST" && operation.path === "/api/v1/requests")!;
    expect(create.body?.find((field) => field.name === "subject")).toMatchObject({ required: true, type: "string" });
    expect(create.curl).toContain("-X POST");
    const list = operations.find((operation) => operation.id === "listRequests")!;
    expect(list.parameters.map((parameter) => parameter.name)).toEqual(expect.arrayContaining(["scope", "status", "q", "limit", "cursor"]));
  });
});
