import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { AwsClient } from "aws4fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filesystemStore } from "@/server/attachments/filesystem";
import { keyFor } from "@/server/attachments/pipeline";
import { s3Store } from "@/server/attachments/s3";
import type { AttachmentStore } from "@/server/attachments/store";
import { startS3Server, type S3TestServer } from "../setup/s3-server";

// The same contract for every driver, each against the real thing: files in a temporary folder, and
// an S3-compatible server (s3rver) on a local port.

/** Objects per ListObjectsV2 page in these tests, so that listing takes several pages. */
const PAGE_SIZE = 2;

let scratch: string;
let s3: S3TestServer;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "portico-store-test-"));
  s3 = await startS3Server();
});

afterAll(async () => {
  await s3?.stop();
  await rm(scratch, { recursive: true, force: true });
});

interface Content {
  key: string;
  path: string;
  bytes: Buffer;
}

let counter = 0;
async function content(bytes: Buffer): Promise<Content> {
  const path = join(scratch, `source-${counter++}`);
  await writeFile(path, bytes);
  return { key: keyFor(createHash("sha256").update(bytes).digest("hex")), path, bytes };
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function sha256Of(body: Readable): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of body) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

async function allKeys(store: AttachmentStore): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.keys()) keys.push(key);
  return keys.sort();
}

const drivers: { name: string; open: () => Promise<AttachmentStore> }[] = [
  { name: "filesystem", open: async () => filesystemStore(await mkdtemp(join(scratch, "store-"))) },
  {
    name: "s3",
    open: async () => {
      // A bucket per suite: the contract's keys() expects an empty store at the start.
      const store = s3Store(s3.settings, { listPageSize: PAGE_SIZE });
      for await (const key of store.keys()) await store.delete(key);
      return store;
    },
  },
];

describe.each(drivers)("attachment store: $name", ({ open }) => {
  let store: AttachmentStore;
  beforeAll(async () => {
    store = await open();
  });

  it("stores a file, and has, reads and deletes it by its key", async () => {
    const file = await content(Buffer.from("The printer on floor 3 jams on every second page."));
    expect(await store.has(file.key)).toBe(false);
    await store.put(file.key, file.path, file.bytes.length);
    expect(await store.has(file.key)).toBe(true);

    const stored = await store.get(file.key);
    expect(stored?.byteSize).toBe(file.bytes.length);
    expect((await readAll(stored!.body)).equals(file.bytes)).toBe(true);

    await store.delete(file.key);
    expect(await store.has(file.key)).toBe(false);
    expect(await store.get(file.key)).toBeNull();
  });

  it("reads a range of bytes, with the object's whole size", async () => {
    const file = await content(randomBytes(10_000));
    await store.put(file.key, file.path, file.bytes.length);
    const stored = await store.get(file.key, { start: 1000, end: 1999 });
    expect(stored?.byteSize).toBe(10_000);
    expect((await readAll(stored!.body)).equals(file.bytes.subarray(1000, 2000))).toBe(true);

    const last = await store.get(file.key, { start: 9_999, end: 9_999 });
    expect((await readAll(last!.body)).equals(file.bytes.subarray(9_999))).toBe(true);
  });

  it("answers null for a key that holds nothing, and deleting it is no error", async () => {
    const missing = keyFor("0".repeat(64));
    expect(await store.has(missing)).toBe(false);
    expect(await store.get(missing)).toBeNull();
    expect(await store.get(missing, { start: 0, end: 9 })).toBeNull();
    await expect(store.delete(missing)).resolves.toBeUndefined();
  });

  it("keeps what a key holds when the same key is put again", async () => {
    const file = await content(Buffer.from("first"));
    await store.put(file.key, file.path, file.bytes.length);
    await store.put(file.key, file.path, file.bytes.length);
    // Keys come from the content, so a key that holds something is not written again.
    const other = await content(Buffer.from("other bytes"));
    await store.put(file.key, other.path, other.bytes.length);
    expect((await readAll((await store.get(file.key))!.body)).toString()).toBe("first");
  });

  it("lists every key, over several pages", async () => {
    for (const key of await allKeys(store)) await store.delete(key);
    const files = await Promise.all(Array.from({ length: 2 * PAGE_SIZE + 1 }, (_, index) => content(Buffer.from(`file ${index}`))));
    for (const file of files) await store.put(file.key, file.path, file.bytes.length);
    expect(await allKeys(store)).toEqual(files.map((file) => file.key).sort());
  });

  it("round-trips a file of over 5 MB byte for byte", async () => {
    const file = await content(randomBytes(5 * 1024 * 1024 + 12_345));
    await store.put(file.key, file.path, file.bytes.length);
    const stored = await store.get(file.key);
    expect(stored?.byteSize).toBe(file.bytes.length);
    expect(await sha256Of(stored!.body)).toBe(await sha256Of(createReadStream(file.path)));
  });

  it("refuses a key it did not make", async () => {
    // The filesystem driver refuses before its first await: either way the caller gets a rejection.
    await expect(Promise.resolve().then(() => store.has("../outside"))).rejects.toThrow(/Not an attachment key/);
  });
});

describe("attachment store: s3, the service's answers", () => {
  it("decodes the XML entities of listed keys", async () => {
    // Written around the driver, which only makes keys of its own: keys() lists whatever the bucket holds.
    const client = new AwsClient({ ...s3.settings, service: "s3", retries: 0 });
    const odd = "odd/a&b<c>\"d'e";
    const put = await client.fetch(`${s3.settings.endpoint}/${s3.settings.bucket}/${encodeURIComponent(odd).replace(/%2F/g, "/")}`, {
      method: "PUT",
      body: "x",
      headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" },
    });
    expect(put.status).toBe(200);
    const store = s3Store(s3.settings, { listPageSize: PAGE_SIZE });
    expect(await allKeys(store)).toContain(odd);
  });

  it("says what went wrong when the service refuses", async () => {
    const file = await content(Buffer.from("signed with the right secret"));
    await s3Store(s3.settings).put(file.key, file.path, file.bytes.length);
    const store = s3Store({ ...s3.settings, accessKeyId: "NOT-AN-ACCOUNT" });
    await expect(store.get(file.key)).rejects.toThrow(/^S3 GET sha256\/[0-9a-f/]+: 403 Forbidden \(InvalidAccessKeyId: /);
    await expect(store.has(file.key)).rejects.toThrow(/^S3 HEAD sha256\/[0-9a-f/]+: 403 Forbidden$/);
    const nowhere = s3Store({ ...s3.settings, bucket: "no-such-bucket" });
    await expect(allKeys(nowhere)).rejects.toThrow(/S3 ListObjectsV2 no-such-bucket: 404 Not Found \(NoSuchBucket/);
  });
});
