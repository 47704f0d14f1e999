// What `npm start` prints while it works: each long step says what it is doing when it starts and
// how long it took when it ends, and a step that runs for a while says it is still going, so a first
// start that takes minutes never looks stuck.

const STILL_WORKING_EVERY_MS = 30_000;

/** "8 s", "1 min 05 s". */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/**
 * Runs one step: prints "label…", a reminder with the elapsed time every 30 seconds while it runs,
 * then "label: done in 12 s" (or "failed after …"). The label is a sentence without its ellipsis.
 */
export async function step<T>(label: string, work: () => Promise<T> | T, options: { summary?: (result: T) => string | undefined; print?: (line: string) => void; now?: () => number } = {}): Promise<T> {
  const { summary, print = (line) => console.log(line), now = Date.now } = options;
  const started = now();
  print(`${label}…`);
  const reminder = setInterval(() => print(`  … still working (${formatElapsed(now() - started)} so far)`), STILL_WORKING_EVERY_MS);
  try {
    const result = await work();
    const detail = summary?.(result);
    print(`${label}: done in ${formatElapsed(now() - started)}${detail ? ` (${detail})` : ""}.`);
    return result;
  } catch (error) {
    print(`${label}: failed after ${formatElapsed(now() - started)}.`);
    throw error;
  } finally {
    clearInterval(reminder);
  }
}
