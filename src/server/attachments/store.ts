import type { Readable } from "node:stream";

// Where attachments' bytes live (README "Attachments"): one interface, a driver per kind of storage
// (filesystem.ts, s3.ts), chosen by configuration. Keys are opaque and derived from the content, so
// identical files are stored once; a stored object never changes.

export interface StoredObject {
  /** The bytes, from `range.start` to `range.end` (inclusive) when a range was asked for. */
  body: Readable;
  byteSize: number;
}

export interface ByteRange {
  start: number;
  end: number;
}

export interface AttachmentStore {
  /** Which driver, for messages and the move command. */
  readonly driver: "filesystem" | "s3";
  /** Stores the file at `sourcePath` (a finished upload on local disk) under `key`, unless that key holds it already. */
  put(key: string, sourcePath: string, byteSize: number): Promise<void>;
  has(key: string): Promise<boolean>;
  /** The object's bytes, or null when the key holds nothing. */
  get(key: string, range?: ByteRange): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
  /** Every key, for the move command. */
  keys(): AsyncIterable<string>;
}
