import type { Clock } from "@/domain";
import type { Database } from "@/server/db/client";
import { runAutomation, type AutomationResult } from "./run-automation";

// Runs the automation every few seconds in this server process. The timer only says "look now": what
// is due is read from the database on every pass, so a restart loses nothing (the first pass after it
// catches up) and several instances may run side by side (each request is claimed with SKIP LOCKED).

export interface SchedulerOptions {
  /** Asked on every pass, so a pool created lazily (and its configuration) is read only when needed. */
  database: () => Database;
  clock: Clock;
  intervalSeconds: number;
  batchSize: number;
  /** How long a chat may go without a line before a pass ends it. */
  chatIdleMs?: number;
  log?: Pick<Console, "info" | "error">;
}

export interface Scheduler {
  stop(): void;
}

/** Starts the passes; with an interval of 0 nothing runs. Passes never overlap: the next is timed from the end of the last. */
export function startScheduler({ database, clock, intervalSeconds, batchSize, chatIdleMs, log = console }: SchedulerOptions): Scheduler {
  if (intervalSeconds <= 0) return { stop() {} };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(pass, intervalSeconds * 1000);
    // The automation alone never keeps the process alive.
    timer.unref();
  };

  async function pass(): Promise<void> {
    try {
      const result = await runAutomation(database(), { now: clock.now(), batchSize, chatIdleMs });
      if (acted(result))
        log.info(
          `Automation: ${result.reminded} reminded, ${result.solved} solved for no response, ${result.breached} service-level breaches marked, ${result.endedIdleChats} idle chats ended.`,
        );
    } catch (error) {
      // A failed pass (database restarting, a bug on one request) is retried on the next one; the server keeps serving.
      log.error("Automation pass failed; retrying at the next interval.", error);
    } finally {
      schedule();
    }
  }

  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function acted(result: AutomationResult): boolean {
  return result.reminded + result.solved + result.breached + result.endedIdleChats > 0;
}
