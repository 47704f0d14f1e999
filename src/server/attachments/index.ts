import "server-only";
import { readAttachmentConfig, type AttachmentStorageConfig } from "@/config/env";
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
