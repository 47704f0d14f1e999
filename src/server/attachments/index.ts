import "server-only";
import { readAttachmentConfig, type AttachmentStorageConfig } from "@/config/env";
import { clamdScanner, type ClamdScanner } from "./clamd";
import { filesystemStore } from "./filesystem";
import { s3Store } from "./s3";
import type { AttachmentStore } from "./store";

let cached: { config: AttachmentStorageConfig; store: AttachmentStore } | undefined;

/** The configured attachment store, made on first use. */
export function getAttachmentStore(): AttachmentStore {
  const { storage } = readAttachmentConfig();
  if (cached && JSON.stringify(cached.config) === JSON.stringify(storage)) return cached.store;
  cached = { config: storage, store: storeFor(storage) };
  return cached.store;
}

export function storeFor(storage: AttachmentStorageConfig): AttachmentStore {
  switch (storage.driver) {
    case "filesystem":
      return filesystemStore(storage.directory);
    case "s3":
      return s3Store(storage);
  }
}

/** A silent clamd for this long is taken as down: the file waits for a later pass. */
const SCANNER_TIMEOUT_MS = 60_000;

let cachedScanner: { url: string; scanner: ClamdScanner } | undefined;

/** The malware scanner for CLAMD_URL, or null when none is configured (files are then available at once). */
export function getScanner(): ClamdScanner | null {
  const url = readAttachmentConfig().clamdUrl;
  if (!url) return null;
  if (cachedScanner?.url !== url) cachedScanner = { url, scanner: clamdScanner(url, { timeoutMs: SCANNER_TIMEOUT_MS }) };
  return cachedScanner.scanner;
}
