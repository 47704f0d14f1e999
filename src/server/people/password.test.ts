import { describe, expect, it, vi } from "vitest";
import { hashPassword, verifyPassword } from "./password";

const { scryptCalls } = vi.hoisted(() => ({ scryptCalls: vi.fn() }));
vi.mock("node:crypto", async (importOriginal) => {
  const crypto = await importOriginal<typeof import("node:crypto")>();
  return {
    ...crypto,
    scrypt: (...args: Parameters<typeof crypto.scrypt>) => {
      scryptCalls(...args);
      return crypto.scrypt(...args);
    },
  };
});

describe("password hashing", () => {
  it("verifies the password it hashed and nothing else", async () => {
    const hash = await hashPassword("portico-demo");
    expect(await verifyPassword("portico-demo", hash)).toBe(true);
    expect(await verifyPassword("portico-demo ", hash)).toBe(false);
    expect(await verifyPassword("Portico-demo", hash)).toBe(false);
  });

  it("salts every hash", async () => {
    const [first, second] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it("refuses a missing or malformed hash without throwing", async () => {
    expect(await verifyPassword("anything", null)).toBe(false);
    expect(await verifyPassword("anything", undefined)).toBe(false);
    expect(await verifyPassword("anything", "plaintext")).toBe(false);
    expect(await verifyPassword("anything", "scrypt$1$2$3$$")).toBe(false);
  });

  it("runs the full key derivation for an unknown account, as for a wrong password", async () => {
    const hash = await hashPassword("right");
    await verifyPassword("wrong", null); // the decoy hash is made once
    scryptCalls.mockClear();
    await verifyPassword("wrong", hash);
    const forWrongPassword = scryptCalls.mock.calls.map((call) => call[3]);
    scryptCalls.mockClear();
    await verifyPassword("wrong", null);
    expect(scryptCalls.mock.calls.map((call) => call[3])).toEqual(forWrongPassword);
  });
});
