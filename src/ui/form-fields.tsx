import type { InputHTMLAttributes, TextareaHTMLAttributes } from "react";

// Pieces the forms share: the text input's look, a field's error, a labelled text field with its hint
// and error, and the choice of organization a request or a chat is for (shown only to people in more
// than one).

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-400 px-3 py-2 focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/30 aria-[invalid=true]:border-red-700";

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700">
      {message}
    </p>
  );
}

type TextFieldInput = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "className" | "aria-invalid" | "aria-describedby">;
type TextFieldArea = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name" | "className" | "aria-invalid" | "aria-describedby">;

/**
 * A label, a text input (or, with `multiline`, a textarea), its hint and its error. The error and the
 * hint are announced with the field (aria-describedby); their ids are `${id}-error` and `${id}-hint`.
 */
export function TextField(props: { id: string; name: string; label: string; hint?: string; error?: string } & (({ multiline?: false } & TextFieldInput) | ({ multiline: true } & TextFieldArea))) {
  const { id, name, label, hint, error, ...control } = props;
  const describedBy = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const shared = { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: inputClass };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {control.multiline ? <textarea {...withoutMultiline(control)} {...shared} /> : <input {...withoutMultiline(control)} {...shared} />}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

function withoutMultiline<T extends { multiline?: boolean }>(control: T): Omit<T, "multiline"> {
  const { multiline: _multiline, ...rest } = control;
  return rest;
}

export interface OrganizationFieldLabels {
  organization: string;
  organizationChoose: string;
  required: string;
}

/** A required select named `organizationId`, with its error announced through aria-describedby. */
export function OrganizationField(props: {
  organizations: ReadonlyArray<{ id: string; name: string }>;
  defaultValue: string;
  error: string | undefined;
  labels: OrganizationFieldLabels;
}) {
  const { organizations, defaultValue, error, labels } = props;
  return (
    <div>
      <label htmlFor="organizationId" className="block font-medium">
        {labels.organization} <span className="text-sm font-normal text-slate-600">({labels.required})</span>
      </label>
      <select
        id="organizationId"
        name="organizationId"
        defaultValue={defaultValue}
        aria-required="true"
        aria-invalid={error ? true : undefined}
        aria-describedby={error !== undefined ? "organizationId-error" : undefined}
        className={inputClass}
      >
        <option value="">{labels.organizationChoose}</option>
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {organization.name}
          </option>
        ))}
      </select>
      <FieldError id="organizationId-error" message={error} />
    </div>
  );
}
