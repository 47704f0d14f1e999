import { createReadStream } from "node:fs";
import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { AwsClient } from "aws4fetch";
import type { AttachmentStore, ByteRange, StoredObject } from "./store";

// Attachments as objects in a bucket of any S3-compatible service, addressed path-style
// (`${endpoint}/${bucket}/${key}`), which every such service accepts. Requests are signed with
// Signature V4 and an UNSIGNED-PAYLOAD body hash, so an upload streams from disk and memory does not
// grow with the file's size.

export interface S3Settings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3StoreOptions {
  /** Keys asked for per ListObjectsV2 page (at most 1000, S3's own limit). */
  listPageSize?: number;
  /** Attempts for a request answered 5xx / 429 or failed on the network; each attempt re-reads the file. */
  attempts?: number;
}

export function s3Store(settings: S3Settings, options: S3StoreOptions = {}): AttachmentStore {
  const { listPageSize = 1000, attempts = 3 } = options;
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    service: "s3",
    region: settings.region,
    // Retried here instead: a streamed body can be sent only once, so each attempt needs a new one.
    retries: 0,
  });
  const bucketUrl = `${settings.endpoint.replace(/\/+$/, "")}/${encodeURIComponent(settings.bucket)}`;
  const urlOf = (key: string) => {
    // Keys are made by the app (keyFor in pipeline.ts); a dot segment would be resolved away by the URL.
    if (!/^[a-z0-9][a-z0-9/]*$/.test(key) || key.includes("//")) throw new Error(`Not an attachment key: ${key}`);
    return `${bucketUrl}/${key}`;
  };

  async function send(method: string, url: string, init: { headers?: Record<string, string>; body?: () => Readable } = {}): Promise<Response> {
    for (let attempt = 1; ; attempt++) {
      try {
        const request = await client.sign(url, { method, headers: { ...init.headers, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } });
        const response = init.body ? await sendStreamed(request, init.body()) : await fetch(request);
        if ((response.status >= 500 || response.status === 429) && attempt < attempts) {
          await response.body?.cancel();
          await pause(attempt);
          continue;
        }
        return response;
      } catch (error) {
        if (attempt >= attempts) throw new Error(`S3 ${method} ${url} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        await pause(attempt);
      }
    }
  }

  async function has(key: string): Promise<boolean> {
    const response = await send("HEAD", urlOf(key));
    if (response.status === 404) return false;
    if (!response.ok) throw await failure("HEAD", key, response);
    return true;
  }

  return {
    driver: "s3",
    async put(key, sourcePath, byteSize) {
      // A stored object never changes: the same key holds the same bytes.
      if (await has(key)) return;
      const response = await send("PUT", urlOf(key), {
        // S3 wants the length up front for a streamed (not chunk-signed) body.
        headers: { "content-length": String(byteSize), "content-type": "application/octet-stream" },
        body: () => createReadStream(sourcePath, { highWaterMark: 256 * 1024 }),
      });
      if (!response.ok) throw await failure("PUT", key, response);
      await response.body?.cancel();
    },
    has,
    async get(key, range?: ByteRange): Promise<StoredObject | null> {
      const response = await send("GET", urlOf(key), range ? { headers: { range: `bytes=${range.start}-${range.end}` } } : {});
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok || !response.body) throw await failure("GET", key, response);
      if (range && response.status !== 206) {
        await response.body.cancel();
        throw new Error(`S3 GET ${key}: asked for bytes ${range.start}-${range.end}, the service answered ${response.status} without a range`);
      }
      const byteSize = totalSize(response);
      if (byteSize === null) {
        await response.body.cancel();
        throw new Error(`S3 GET ${key}: the answer says neither Content-Range nor Content-Length`);
      }
      return { body: Readable.fromWeb(response.body as NodeWebReadableStream<Uint8Array>), byteSize };
    },
    async delete(key) {
      const response = await send("DELETE", urlOf(key));
      if (!response.ok && response.status !== 404) throw await failure("DELETE", key, response);
      await response.body?.cancel();
    },
    async *keys() {
      let continuation: string | null = null;
      do {
        const query = new URLSearchParams({ "list-type": "2", "max-keys": String(listPageSize) });
        if (continuation) query.set("continuation-token", continuation);
        const response = await send("GET", `${bucketUrl}?${query}`);
        if (!response.ok) throw await failure("ListObjectsV2", settings.bucket, response);
        const page = parseListObjectsPage(await response.text());
        yield* page.keys;
        if (page.truncated && !page.nextContinuationToken) throw new Error(`S3 ListObjectsV2 ${settings.bucket}: a truncated page without a continuation token`);
        continuation = page.truncated ? page.nextContinuationToken : null;
      } while (continuation);
    },
  };
}

/**
 * Sends a signed request with a streamed body over node:http(s), which reads the body only as fast as
 * the socket drains. (fetch in Node 20 read a file stream ahead of a slower service: the whole file
 * ended up in memory, measured by bench/attachments.ts.) The answer is read whole: it is small.
 */
function sendStreamed(signed: Request, body: Readable): Promise<Response> {
  const target = new URL(signed.url);
  const transport = target.protocol === "https:" ? https : http;
  return new Promise<Response>((resolve, reject) => {
    const request = transport.request(target, { method: signed.method, headers: Object.fromEntries(signed.headers) }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("error", reject);
      answer.on("end", () => {
        const text = Buffer.concat(chunks);
        const status = answer.statusCode ?? 0;
        const headers = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) if (typeof value === "string") headers.set(name, value);
        try {
          resolve(new Response([204, 205, 304].includes(status) || text.length === 0 ? null : text, { status, statusText: answer.statusMessage ?? "", headers }));
        } catch (error) {
          reject(error);
        }
      });
    });
    pipeline(body, request).catch((error: unknown) => {
      request.destroy();
      reject(error);
    });
  });
}

function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
}

/** The object's whole size: after the slash of `Content-Range: bytes 0-9/1234`, else the Content-Length. */
function totalSize(response: Response): number | null {
  const range = response.headers.get("content-range")?.match(/\/(\d+)\s*$/);
  if (range?.[1]) return Number(range[1]);
  const length = response.headers.get("content-length");
  return length !== null && /^\d+$/.test(length) ? Number(length) : null;
}

/** An error naming the operation, the status and the service's own code and message (its XML error body). */
async function failure(operation: string, subject: string, response: Response): Promise<Error> {
  const text = operation === "HEAD" ? "" : await response.text().catch(() => "");
  const code = xmlText(text, "Code");
  const message = xmlText(text, "Message");
  const detail = [code, message].filter(Boolean).join(": ");
  return new Error(`S3 ${operation} ${subject}: ${response.status} ${response.statusText}${detail ? ` (${detail})` : ""}`);
}

export interface ListObjectsPage {
  keys: string[];
  truncated: boolean;
  nextContinuationToken: string | null;
}

/** The parts of a ListObjectsV2 answer the driver needs; keys only from <Contents>, not from common prefixes. */
export function parseListObjectsPage(xml: string): ListObjectsPage {
  const keys: string[] = [];
  for (const [, contents = ""] of xml.matchAll(/<Contents(?:\s[^>]*)?>([\s\S]*?)<\/Contents>/g)) {
    const key = xmlText(contents, "Key");
    if (key !== null) keys.push(key);
  }
  return {
    keys,
    truncated: xmlText(xml, "IsTruncated") === "true",
    nextContinuationToken: xmlText(xml, "NextContinuationToken"),
  };
}

function xmlText(xml: string, tag: string): string | null {
  const match = xml.match(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`));
  return match?.[1] === undefined ? null : decodeXmlText(match[1]);
}

const NAMED_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** XML text: the five named entities, numeric character references and CDATA sections. */
export function decodeXmlText(text: string): string {
  return text.replace(/<!\[CDATA\[([\s\S]*?)\]\]>|&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, cdata: string | undefined, entity: string | undefined) => {
    if (cdata !== undefined) return cdata;
    if (!entity) return whole;
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity] ?? whole;
  });
}
