// A file's size in the reader's language ("340 byte", "12.5 kB", "3 MB"), in binary multiples as the
// configured limits are. Pure; used on the server (limits in messages) and in the browser (the list).

const KILO = 1024;
const MEGA = KILO * KILO;

export function formatBytes(bytes: number, locale: string): string {
  const [value, unit] = bytes >= MEGA ? [bytes / MEGA, "megabyte"] : bytes >= KILO ? [bytes / KILO, "kilobyte"] : [bytes, "byte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: value < 10 && unit !== "byte" ? 1 : 0 }).format(value);
}
