// A file's size in the reader's language ("340 byte", "12.5 kB", "3 MB"), in binary multiples as the
// configured limits are. Pure; used on the server (limits in messages) and in the browser (the list).

const KILO = 1024;
const MEGA = KILO * KILO;

type Unit = "byte" | "kilobyte" | "megabyte";

// Making a number format takes ~20 µs, formatting with one ~2 µs, and every page with a form that sends
// files shows two sizes or more: each language's few formats (a unit, with a decimal or without) are kept.
const formats = new Map<string, Intl.NumberFormat>();

export function formatBytes(bytes: number, locale: string): string {
  const [value, unit]: [number, Unit] = bytes >= MEGA ? [bytes / MEGA, "megabyte"] : bytes >= KILO ? [bytes / KILO, "kilobyte"] : [bytes, "byte"];
  const fractionDigits = value < 10 && unit !== "byte" ? 1 : 0;
  const key = `${locale} ${unit} ${fractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: fractionDigits });
    formats.set(key, format);
  }
  return format.format(value);
}
