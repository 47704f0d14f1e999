import { readAutomationConfig } from "@/config/env";
import { getClock } from "@/server/clock";
import { getDatabase } from "@/server/db";
import { startScheduler, type Scheduler } from "./scheduler";

// The server process's one scheduler, on the app's database pool and clock. Kept on globalThis so a
// development reload does not start a second timer.
const holder = globalThis as typeof globalThis & { porticoAutomation?: Scheduler };

export function startAutomation(): void {
  if (holder.porticoAutomation) return;
  const { intervalSeconds, batchSize, chatIdleMs } = readAutomationConfig();
  holder.porticoAutomation = startScheduler({ database: getDatabase, clock: getClock(), intervalSeconds, batchSize, chatIdleMs });
  if (intervalSeconds > 0) console.info(`Automation: a pass every ${intervalSeconds} s, up to ${batchSize} requests of each kind.`);
}
