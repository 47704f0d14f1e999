import "server-only";
import {
  lookup as dnsLookup,
  type LookupAddress,
  type LookupOptions,
} from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { Readable } from "node:stream";

// How webhooks reach their receivers (docs/webhooks.md "Where webhooks may go"). An endpoint's URL is
// typed by an agent, and the delivery log shows what the receiver answered: a URL pointing inside the
// server's own network would let the console read services nobody meant to expose. So, unless
// WEBHOOK_ALLOW_PRIVATE_NETWORKS is "true", a delivery goes only to public addresses — checked on the
// addresses the connection actually uses (the resolver is wrapped), so a name that resolves to a
// public address when checked and a private one when connecting gets nowhere.

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  PRIVATE.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const)
  PRIVATE.addSubnet(network, prefix, "ipv6");

/** True for loopback, private, link-local, shared, multicast and unspecified addresses (IPv4-mapped IPv6 too). */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return PRIVATE.check(address, "ipv4");
  if (version !== 6) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  return mapped
    ? PRIVATE.check(mapped, "ipv4")
    : PRIVATE.check(address, "ipv6");
}

export class PrivateAddressError extends Error {
  constructor(readonly address: string) {
    super(
      `${address} is a private or local address; webhooks go to public addresses only (WEBHOOK_ALLOW_PRIVATE_NETWORKS=true allows others).`,
    );
  }
}

/** The resolver the connection uses, refusing names that resolve to an address `refuses` names. */
const guardedLookup =
  (refuses: (address: string) => boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(
      hostname,
      { ...(options as LookupOptions), all: true },
      (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, "", 0);
        const refused = addresses.find((entry) => refuses(entry.address));
        if (refused)
          return callback(new PrivateAddressError(refused.address), "", 0);
        if ((options as LookupOptions).all)
          return (
            callback as unknown as (
              error: null,
              addresses: LookupAddress[],
            ) => void
          )(null, addresses);
        const [first] = addresses;
        if (!first)
          return callback(new Error(`${hostname} has no address.`), "", 0);
        callback(null, first.address, first.family);
      },
    );
  };

/**
 * A `fetch` for webhook POSTs that refuses private addresses unless allowed (redirects are the
 * caller's to refuse). `refuses` is the test of an address; tests narrow it to reach a loopback receiver.
 */
export function webhookFetch(
  allowPrivateNetworks: boolean,
  refuses: (address: string) => boolean = isPrivateAddress,
): typeof fetch {
  if (allowPrivateNetworks) return fetch;
  const lookup = guardedLookup(refuses);
  return async (input, init) => {
    const url = new URL(
      typeof input === "string"
        ? input
        : input instanceof URL
          ? input.href
          : input.url,
    );
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (isIP(literal) && refuses(literal))
      throw new TypeError("fetch failed", {
        cause: new PrivateAddressError(literal),
      });
    return send(url, init ?? {}, lookup);
  };
}

function send(
  url: URL,
  init: RequestInit,
  lookup: LookupFunction,
): Promise<Response> {
  const client = url.protocol === "https:" ? https : http;
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  return new Promise<Response>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: init.method ?? "GET",
        headers,
        lookup,
        signal: init.signal ?? undefined,
      },
      (answer) => {
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(answer.headers))
          for (const one of Array.isArray(value)
            ? value
            : value === undefined
              ? []
              : [value])
            responseHeaders.append(name, one);
        const status = answer.statusCode ?? 502;
        const withoutBody = status === 204 || status === 205 || status === 304;
        if (withoutBody) answer.resume();
        resolve(
          new Response(
            withoutBody
              ? null
              : (Readable.toWeb(answer) as ReadableStream<Uint8Array>),
            { status, headers: responseHeaders },
          ),
        );
      },
    );
    request.on("error", (error) =>
      reject(new TypeError("fetch failed", { cause: error })),
    );
    if (typeof init.body === "string") request.end(init.body);
    else request.end();
  });
}
