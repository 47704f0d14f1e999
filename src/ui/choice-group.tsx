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
