import { getTranslations } from "@/server/entry/translations";
import { PRIORITY_CODES, PRIORITY_DEFINITIONS, REQUEST_STATUSES, STATUS_DEFINITIONS, type PriorityCode, type RequestStatus } from "@/domain";

/** A fieldset of checkboxes or radio buttons for a GET form: one `name`, many values. */
export function ChoiceGroup(props: {
  legend: string;
  name: string;
  type: "checkbox" | "radio";
  options: readonly { value: string; label: string; checked: boolean }[];
}) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{props.legend}</legend>
      <div className="mt-2 space-y-1">
        {props.options.map((option) => (
          <label key={option.value || "any"} className="flex items-center gap-2 text-sm">
            <input type={props.type} name={props.name} value={option.value} defaultChecked={option.checked} className="h-4 w-4 accent-indigo-600" />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The status filter of a list: every status by its glossary name. */
export async function StatusChoices({ legend, checked }: { legend: string; checked: readonly RequestStatus[] }) {
  const t = await getTranslations();
  const options = REQUEST_STATUSES.map((value) => ({ value, label: t(STATUS_DEFINITIONS[value].labelKey), checked: checked.includes(value) }));
  return <ChoiceGroup legend={legend} name="status" type="checkbox" options={options} />;
}

/** The priority filter of a list: S1 to S4 by their glossary names. */
export async function PriorityChoices({ legend, checked }: { legend: string; checked: readonly PriorityCode[] }) {
  const t = await getTranslations();
  const options = PRIORITY_CODES.map((value) => ({ value, label: t(PRIORITY_DEFINITIONS[value].labelKey), checked: checked.includes(value) }));
  return <ChoiceGroup legend={legend} name="priority" type="checkbox" options={options} />;
}

/** A labelled select of a GET form: one `name`, one value. */
export function SelectField(props: { id: string; name: string; label: string; defaultValue: string; options: readonly { value: string; label: string }[] }) {
  return (
    <div>
      <label htmlFor={props.id} className="block text-sm font-medium">
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.name}
        defaultValue={props.defaultValue}
        className="mt-1 w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus:border-indigo-600 focus:outline-none focus:ring-2 focus:ring-indigo-600/40"
      >
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
