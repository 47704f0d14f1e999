// A minimal Server-Sent Events client over fetch, for benchmarks: it reads the frames exactly as a
// browser's EventSource would (id / event / data fields, comments ignored) but does not reconnect —
// a stream that ends early is reported, so that a benchmark counts it instead of hiding it.

export interface StreamFrame {
  id: string | null;
  event: string;
  data: string;
}

export interface EventStreamClient {
  /** Resolves once the server sent its first bytes (the stream is subscribed); rejects on a refusal. */
  opened: Promise<void>;
  /** Resolves when the stream ends: `closed` by us, or `ended` by the server or the network. */
  finished: Promise<"closed" | "ended">;
  close(): void;
}

export function openEventStream(url: string, headers: Record<string, string>, onFrame: (frame: StreamFrame) => void): EventStreamClient {
  const abort = new AbortController();
  let markOpened: () => void = () => {};
  let refuse: (error: Error) => void = () => {};
  const opened = new Promise<void>((resolve, reject) => {
    markOpened = resolve;
    refuse = reject;
  });
  const finished = (async (): Promise<"closed" | "ended"> => {
    try {
      const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
      if (response.status !== 200 || !response.body) {
        refuse(new Error(`GET ${url}: HTTP ${response.status}`));
        await response.body?.cancel();
        return "ended";
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        markOpened();
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const frame = parseBlock(block);
          if (frame) onFrame(frame);
        }
      }
      return abort.signal.aborted ? "closed" : "ended";
    } catch (error) {
      if (abort.signal.aborted) return "closed";
      refuse(error instanceof Error ? error : new Error(String(error)));
      return "ended";
    }
  })();
  return { opened, finished, close: () => abort.abort() };
}

function parseBlock(block: string): StreamFrame | null {
  let id: string | null = null;
  let event = "message";
  const data: string[] = [];
  let any = false;
  for (const line of block.split("\n")) {
    if (line === "" || line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "id") id = value;
    else if (field === "event") event = value;
    else if (field === "data") data.push(value);
    else continue;
    any = true;
  }
  return any ? { id, event, data: data.join("\n") } : null;
}
