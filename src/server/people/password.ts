import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt: slow, salted and memory-hard, built into Node, so no native dependency to install.
// Stored format: scrypt$N$r$p$salt$hash (base64url), so the cost can be raised later
// without invalidating existing hashes.
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function deriveKey(password: string, salt: Buffer, cost: { N: number; r: number; p: number }) {
  const options: ScryptOptions = { ...cost, maxmem: 128 * cost.N * cost.r * 2 };
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await deriveKey(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

// A well-formed hash of a random password: verifying against it costs the same as a real check,
// so an unknown email takes as long to refuse as a wrong password.
let decoyHash: Promise<string> | undefined;
function getDecoyHash() {
  decoyHash ??= hashPassword(randomBytes(24).toString("base64url"));
  return decoyHash;
}

export async function verifyPassword(password: string, storedHash: string | null | undefined): Promise<boolean> {
  const hash = storedHash ?? (await getDecoyHash());
  const match = /^scrypt\$(\d+)\$(\d+)\$(\d+)\$([\w-]+)\$([\w-]+)$/.exec(hash);
  if (!match) return false;
  const [, N, r, p, salt = "", expected = ""] = match;
  const expectedKey = Buffer.from(expected, "base64url");
  const key = await deriveKey(password, Buffer.from(salt, "base64url"), { N: Number(N), r: Number(r), p: Number(p) });
  return key.length === expectedKey.length && timingSafeEqual(key, expectedKey) && storedHash != null;
}
