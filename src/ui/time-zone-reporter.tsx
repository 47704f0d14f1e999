"use client";

import { startTransition, useEffect, useRef } from "react";

/**
 * Tells the server the browser's time zone, once, on a page shown to someone without a saved one
 * (src/app/actions/time-zone.ts). Renders nothing.
 */
export function TimeZoneReporter(props: { action: (formData: FormData) => Promise<void>; shown: string }) {
  const sent = useRef(false);
  const { action, shown } = props;
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    const formData = new FormData();
    formData.set("timeZone", Intl.DateTimeFormat().resolvedOptions().timeZone);
    formData.set("shown", shown);
    startTransition(() => action(formData));
  }, [action, shown]);
  return null;
}
