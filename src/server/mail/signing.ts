import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { MailAddress, MailConfig } from "@/config/env";

// Signed tokens in mail: the reply address of a request (`support+<token>@domain`) and the one-click
// unsubscribe link. HMAC-SHA256 under a key named in the token, so keys rotate: the first key of
// MAIL_TOKEN_KEYS signs, every listed key verifies. Lower-case base32 only, because mail servers may
// change the case of an address's local part. Compared in constant time.

type Keys = MailConfig["tokenKeys"];

const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
/** 26 base32 characters: 130 bits of the MAC. */
const MAC_LENGTH = 26;

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function mac(secret: string, purpose: string, payload: string): string {
  return base32(createHmac("sha256", secret).update(`${purpose}\n${payload}`).digest()).slice(0, MAC_LENGTH);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `<keyId><mac>` for the payload, signed with the first key. */
export function sign(keys: Keys, purpose: string, payload: string): string {
  const key = keys[0];
  if (!key) throw new Error("No key signs mail tokens: set NEXTAUTH_SECRET or MAIL_TOKEN_KEYS.");
  return `${key.id}${mac(key.secret, purpose, payload)}`;
}

/** Whether `signature` is `sign(…)` of the payload under one of the keys. */
export function verify(keys: Keys, purpose: string, payload: string, signature: string): boolean {
  const lower = signature.toLowerCase();
  // Every key is tried, so the time taken does not tell which one matched.
  let valid = false;
  for (const key of keys) {
    if (!lower.startsWith(key.id) || lower.length !== key.id.length + MAC_LENGTH) continue;
    if (sameText(lower.slice(key.id.length), mac(key.secret, purpose, payload))) valid = true;
  }
  return valid;
}

const REPLY = "reply";

/** The address replies to a request's mail go to: `support+1042.<signature>@portico.test`. */
export function replyAddress(keys: Keys, from: MailAddress, requestId: number): string {
  return `${from.local}+${requestId}.${sign(keys, REPLY, String(requestId))}@${from.domain}`;
}

export type ReplyToken =
  /** A reply address Portico signed for this request. */
  | { valid: true; requestId: number }
  /** A plus address of the support mailbox whose token Portico did not sign (altered, forged, or a retired key). */
  | { valid: false; requestId: number | null };

/**
 * Reads a recipient address: null when it is not a plus address of the support mailbox (the plain
 * support address or someone else's address), else whether its token is one Portico signed.
 */
export function readReplyAddress(keys: Keys, from: MailAddress, address: string): ReplyToken | null {
  const at = address.lastIndexOf("@");
  if (at < 0) return null;
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  if (domain !== from.domain || !local.startsWith(`${from.local}+`)) return null;
  const token = local.slice(from.local.length + 1);
  const match = /^(\d{1,9})\.([a-z0-9]{1,40})$/.exec(token);
  if (!match) return { valid: false, requestId: null };
  const requestId = Number(match[1]);
  return verify(keys, REPLY, String(requestId), match[2] ?? "") ? { valid: true, requestId } : { valid: false, requestId };
}

const UNSUBSCRIBE = "unsubscribe";

/** The path segment of a one-click unsubscribe link: who, from what, signed. */
export function unsubscribeToken(keys: Keys, userId: string, kind: string): string {
  return `${userId}.${kind}.${sign(keys, UNSUBSCRIBE, `${userId}.${kind}`)}`;
}

export function readUnsubscribeToken(keys: Keys, token: string): { userId: string; kind: string } | null {
  // User ids are cuids, or hyphenated for the demo accounts ("seed-user-alice") and accounts made by scripts.
  const match = /^([a-z0-9-]{1,64})\.([a-z_]{1,40})\.([a-z0-9]{1,40})$/.exec(token);
  if (!match) return null;
  const [, userId = "", kind = "", signature = ""] = match;
  return verify(keys, UNSUBSCRIBE, `${userId}.${kind}`, signature) ? { userId, kind } : null;
}
