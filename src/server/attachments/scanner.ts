import type { Readable } from "node:stream";

// Malware scanning (README "Attachments"): with a scanner configured, a file stays "pending" — listed,
// not downloadable — until the scanner's verdict; an infected one is never served. When the scanner
// cannot be reached the file keeps waiting and is tried again (fail closed).

export type ScanVerdict = { clean: true } | { clean: false; signature: string };

export interface Scanner {
  /** The verdict on the bytes; throws when the scanner cannot give one (down, timed out). */
  scan(body: Readable): Promise<ScanVerdict>;
}
