import { createReadStream } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { randomBytes } from "node:crypto";
import type { AttachmentStore, ByteRange, StoredObject } from "./store";

/** Attachments as files under one folder: the default, for a single app instance. */
export function filesystemStore(directory: string): AttachmentStore {
  const pathOf = (key: string) => {
    // Keys are made by the app (keyFor in pipeline.ts); refuse anything that could leave the folder.
    if (!/^[a-z0-9][a-z0-9/]*$/.test(key) || key.includes("//")) throw new Error(`Not an attachment key: ${key}`);
    return join(directory, ...key.split("/"));
  };

  return {
    driver: "filesystem",
    async put(key, sourcePath) {
      const target = pathOf(key);
      if (await exists(target)) return;
      await mkdir(dirname(target), { recursive: true });
      // Copied beside the target, then renamed: a reader never sees half a file.
      const partial = `${target}.${randomBytes(6).toString("hex")}.partial`;
      await copyFile(sourcePath, partial);
      await rename(partial, target);
    },
    has: (key) => exists(pathOf(key)),
    async get(key, range?: ByteRange): Promise<StoredObject | null> {
      const path = pathOf(key);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) return null;
      return { body: createReadStream(path, range ? { start: range.start, end: range.end } : {}), byteSize: info.size };
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async *keys() {
      for await (const path of walk(directory)) {
        if (!path.endsWith(".partial")) yield relative(directory, path).split(sep).join("/");
      }
    },
  };
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

async function* walk(directory: string): AsyncGenerator<string> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}
