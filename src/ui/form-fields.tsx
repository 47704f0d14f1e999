// Pieces the customer's forms share: the text input's look, a field's error, and the choice of
// organization a request or a chat is for (shown only to people in more than one).

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
