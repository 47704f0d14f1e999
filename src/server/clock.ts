import { systemClock, type Clock } from "@/domain";

/** The clock the server's use cases read; one place to replace it. */
export function getClock(): Clock {
  return systemClock;
}
