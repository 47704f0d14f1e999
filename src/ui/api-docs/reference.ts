// The API reference page's view of the OpenAPI document (docs/api.md): operations grouped by tag,
// each with its parameters, its body's fields and its answers, `$ref`s resolved. Pure, so the page
// renders whatever the document holds and the tests check it without a browser.

type Json = Record<string, unknown>;

export interface Field {
  name: string;
  type: string;
  required: boolean;
  description: string | null;
  /** The fields of an object (or of a list's items), one level down. */
  fields: Field[];
}

export interface Answer {
  status: string;
  description: string;
  /** The component's name when the body is one (RequestDetail, Problem…). */
  schemaName: string | null;
  fields: Field[];
}

export interface Operation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string | null;
  parameters: Array<Field & { in: string }>;
  body: Field[] | null;
  answers: Answer[];
  curl: string;
}

export interface Reference {
  title: string;
  version: string;
  description: string;
  tags: Array<{ name: string; description: string | null; operations: Operation[] }>;
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const MAX_DEPTH = 3;

export function buildReference(document: Json): Reference {
  const components = ((document.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  const resolve = (schema: Json | undefined): { schema: Json; name: string | null } => {
    const ref = schema?.$ref;
    if (typeof ref === "string") {
      const name = ref.replace("#/components/schemas/", "");
      return { schema: components[name] ?? {}, name };
    }
    return { schema: schema ?? {}, name: null };
  };

  const typeOf = (raw: Json): string => {
    const { schema, name } = resolve(raw);
    if (name) return name;
    if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map(String).join(" | ");
    if (schema.const !== undefined) return JSON.stringify(schema.const);
    const variants = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
    if (variants) return variants.map(typeOf).join(" | ");
    if (schema.type === "array") return `${typeOf((schema.items ?? {}) as Json)}[]`;
    const type = Array.isArray(schema.type) ? (schema.type as string[]).join(" | ") : String(schema.type ?? "any");
    return schema.format ? `${type} (${String(schema.format)})` : type;
  };

  const fieldsOf = (raw: Json | undefined, depth = 0): Field[] => {
    if (!raw || depth >= MAX_DEPTH) return [];
    const { schema } = resolve(raw);
    if (schema.type === "array") return fieldsOf(schema.items as Json, depth);
    const variants = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
    if (variants) return variants.flatMap((variant) => fieldsOf(variant, depth));
    const properties = (schema.properties ?? {}) as Record<string, Json>;
    const required = new Set((schema.required ?? []) as string[]);
    return Object.entries(properties).map(([name, property]) => ({
      name,
      type: typeOf(property),
      required: required.has(name),
      description: typeof resolve(property).schema.description === "string" ? (resolve(property).schema.description as string) : typeof property.description === "string" ? property.description : null,
      fields: resolve(property).name ? [] : fieldsOf(property, depth + 1),
    }));
  };

  const operations: Operation[] = [];
  for (const [path, item] of Object.entries((document.paths ?? {}) as Record<string, Json>)) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const parameters = ((operation.parameters ?? []) as Json[]).map((parameter) => ({
        name: String(parameter.name),
        in: String(parameter.in),
        type: typeOf((parameter.schema ?? {}) as Json),
        required: parameter.required === true,
        description: typeof parameter.description === "string" ? parameter.description : typeof (parameter.schema as Json | undefined)?.description === "string" ? String((parameter.schema as Json).description) : null,
        fields: [],
      }));
      const bodySchema = ((((operation.requestBody as Json | undefined)?.content as Json | undefined)?.["application/json"] as Json | undefined)?.schema ?? undefined) as Json | undefined;
      const answers = Object.entries((operation.responses ?? {}) as Record<string, Json>).map(([status, answer]) => {
        const content = (answer.content ?? {}) as Record<string, Json>;
        const schema = Object.values(content)[0]?.schema as Json | undefined;
        return { status, description: String(answer.description ?? ""), schemaName: schema ? resolve(schema).name : null, fields: status.startsWith("2") ? fieldsOf(schema) : [] };
      });
      operations.push({
        id: String(operation.operationId ?? `${method} ${path}`),
        method: method.toUpperCase(),
        path,
        summary: String(operation.summary ?? ""),
        description: typeof operation.description === "string" ? operation.description : null,
        parameters,
        body: bodySchema ? fieldsOf(bodySchema) : null,
        answers,
        curl: curlFor(method, path, bodySchema !== undefined),
      });
    }
  }

  const info = (document.info ?? {}) as Json;
  const declaredTags = ((document.tags ?? []) as Json[]).map((tag) => ({ name: String(tag.name), description: typeof tag.description === "string" ? tag.description : null }));
  const tagOf = (operation: Operation) => String(((((document.paths as Record<string, Json>)[operation.path]?.[operation.method.toLowerCase()] as Json).tags as string[] | undefined) ?? ["Other"])[0]);
  const names = [...new Set([...declaredTags.map((tag) => tag.name), ...operations.map(tagOf)])];
  return {
    title: String(info.title ?? "API"),
    version: String(info.version ?? ""),
    description: String(info.description ?? ""),
    tags: names
      .map((name) => ({ name, description: declaredTags.find((tag) => tag.name === name)?.description ?? null, operations: operations.filter((operation) => tagOf(operation) === name) }))
      .filter((tag) => tag.operations.length > 0),
  };
}

function curlFor(method: string, path: string, hasBody: boolean): string {
  const url = `https://portico.example.com${path.replace(/\{(\w+)\}/g, (_, name: string) => (name === "id" ? "1042" : `<${name}>`))}`;
  const parts = ["curl", ...(method === "get" ? [] : ["-X", method.toUpperCase()]), "-H 'Authorization: Bearer ptc_…'"];
  if (hasBody) parts.push("-H 'Content-Type: application/json'", "-d '{…}'");
  parts.push(`'${url}'`);
  return parts.join(" ");
}
