import "server-only";

// A job that polls the database in this server process (mail delivery, webhook delivery): every
// `intervalMs` it runs batches until one comes back short, then waits again. A failing pass is logged
// and tried again at the next interval; the job never stops the server. Instances may each run it:
// the batches claim their rows (`FOR UPDATE SKIP LOCKED`), so no row is handled twice.

export interface PollingJob {
  stop(): void;
}

export interface PollingJobOptions {
  intervalMs: number;
  batchSize: number;
  /** Runs one batch; answers how many rows it handled. */
  runBatch: () => Promise<number>;
  /** Said when a pass fails. */
  failure: string;
  log: Pick<Console, "error">;
}

export function startPollingJob({ intervalMs, batchSize, runBatch, failure, log }: PollingJobOptions): PollingJob {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(pass, intervalMs);
    timer.unref();
  };
  const pass = async () => {
    try {
      while (!stopped && (await runBatch()) >= batchSize);
    } catch (error) {
      log.error(failure, error);
    } finally {
      schedule();
    }
  };
  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
