import type { Answer, Field, Operation, Reference } from "./reference";

// The API reference, rendered on the server from the document's view (./reference.ts): no script.
// Every text comes from the document and is rendered as text.

export interface ApiReferenceLabels {
  title: string;
  intro: string;
  document: string;
  contents: string;
  parameters: string;
  body: string;
  answers: string;
  name: string;
  where: string;
  type: string;
  required: string;
  optional: string;
  description: string;
  example: string;
  version: string;
}

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-emerald-100 text-emerald-900",
  DELETE: "bg-red-100 text-red-900",
  PATCH: "bg-amber-100 text-amber-900",
  PUT: "bg-amber-100 text-amber-900",
};

const anchorOf = (operation: Operation) => `op-${operation.id.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function ApiReference({ reference, labels }: { reference: Reference; labels: ApiReferenceLabels }) {
  return (
    <article className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold">{labels.title}</h1>
        <p className="text-sm text-slate-600">{labels.version}</p>
        <p className="max-w-3xl text-slate-700">{labels.intro}</p>
        <p className="max-w-3xl text-slate-700">{reference.description}</p>
        <p>
          <a href="/api/v1/openapi.json" className="text-indigo-700 underline hover:text-indigo-900">
            {labels.document}
          </a>
        </p>
      </header>

      <nav aria-labelledby="api-contents" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="api-contents" className="text-lg font-semibold">
          {labels.contents}
        </h2>
        <ul className="mt-2 space-y-3">
          {reference.tags.map((tag) => (
            <li key={tag.name}>
              <span className="font-medium">{tag.name}</span>
              <ul className="mt-1 space-y-1 pl-4">
                {tag.operations.map((operation) => (
                  <li key={operation.id} className="break-words">
                    <a href={`#${anchorOf(operation)}`} className="text-indigo-700 underline hover:text-indigo-900">
                      <code>{operation.method}</code> <code className="break-all">{operation.path}</code>
                    </a>{" "}
                    — {operation.summary}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </nav>

      {reference.tags.map((tag) => (
        <section key={tag.name} aria-labelledby={`tag-${tag.name}`} className="space-y-4">
          <h2 id={`tag-${tag.name}`} className="text-xl font-semibold">
            {tag.name}
          </h2>
          {tag.description && <p className="text-slate-700">{tag.description}</p>}
          {tag.operations.map((operation) => (
            <OperationView key={operation.id} operation={operation} labels={labels} />
          ))}
        </section>
      ))}
    </article>
  );
}

function OperationView({ operation, labels }: { operation: Operation; labels: ApiReferenceLabels }) {
  const id = anchorOf(operation);
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h3 id={`${id}-heading`} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-sm ${METHOD_COLOURS[operation.method] ?? "bg-slate-100 text-slate-900"}`}>{operation.method}</span>
        <code className="break-all">{operation.path}</code>
        <span className="font-normal text-slate-700">— {operation.summary}</span>
      </h3>
      {operation.description && <p className="text-slate-700">{operation.description}</p>}

      {operation.parameters.length > 0 && (
        <div>
          <h4 className="font-semibold">{labels.parameters}</h4>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300 text-slate-700">
                  <th scope="col" className="py-1 pr-3">{labels.name}</th>
                  <th scope="col" className="py-1 pr-3">{labels.where}</th>
                  <th scope="col" className="py-1 pr-3">{labels.type}</th>
                  <th scope="col" className="py-1">{labels.description}</th>
                </tr>
              </thead>
              <tbody>
                {operation.parameters.map((parameter) => (
                  <tr key={`${parameter.in}-${parameter.name}`} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-1 pr-3 font-mono font-normal">
                      {parameter.name}
                      <span className="block font-sans text-xs text-slate-600">{parameter.required ? labels.required : labels.optional}</span>
                    </th>
                    <td className="py-1 pr-3">{parameter.in}</td>
                    <td className="py-1 pr-3 font-mono break-all">{parameter.type}</td>
                    <td className="py-1">{parameter.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}

      {operation.body && (
        <div>
          <h4 className="font-semibold">{labels.body}</h4>
          <FieldList fields={operation.body} labels={labels} />
        </div>
      )}

      <div>
        <h4 className="font-semibold">{labels.answers}</h4>
        <dl className="mt-2 space-y-2 text-sm">
          {operation.answers.map((answer) => (
            <AnswerView key={answer.status} answer={answer} labels={labels} />
          ))}
        </dl>
      </div>

      <div>
        <h4 className="font-semibold">{labels.example}</h4>
        <pre className="mt-2 rounded bg-slate-900 p-3 text-sm break-all whitespace-pre-wrap text-slate-50">
          <code>{operation.curl}</code>
        </pre>
      </div>
    </section>
  );
}

function AnswerView({ answer, labels }: { answer: Answer; labels: ApiReferenceLabels }) {
  return (
    <div>
      <dt className="font-mono font-semibold">
        {answer.status}
        {answer.schemaName && <span className="font-normal text-slate-600"> · {answer.schemaName}</span>}
      </dt>
      <dd className="text-slate-700">
        {answer.description}
        {answer.fields.length > 0 && <FieldList fields={answer.fields} labels={labels} />}
      </dd>
    </div>
  );
}

function FieldList({ fields, labels }: { fields: Field[]; labels: ApiReferenceLabels }) {
  return (
    <ul className="mt-1 space-y-1 border-l border-slate-200 pl-3 text-sm">
      {fields.map((field, index) => (
        // A union's variants may share field names.
        <li key={`${index}-${field.name}`}>
          <code className="font-semibold">{field.name}</code> <code className="break-all text-slate-700">{field.type}</code>
          <span className="text-xs text-slate-600"> · {field.required ? labels.required : labels.optional}</span>
          {field.description && <span className="block text-slate-700">{field.description}</span>}
          {field.fields.length > 0 && <FieldList fields={field.fields} labels={labels} />}
        </li>
      ))}
    </ul>
  );
}
