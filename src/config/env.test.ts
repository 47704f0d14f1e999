import { describe, expect, it } from "vitest";
import { ConfigurationError, readEnvironment, readServerConfig } from "./env";

const secret = "s".repeat(32);

describe("configuration", () => {
  it("has defaults that let `npm start` run unconfigured", () => {
    const env = readEnvironment({});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORTICO_DATA_DIR).toBe(".data");
  });

  it("treats empty values as unset", () => {
    expect(readEnvironment({ DATABASE_URL: "", NEXTAUTH_SECRET: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => readEnvironment({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL/);
    expect(() => readEnvironment({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
    expect(() => readEnvironment({ PORT: "http" })).toThrow(ConfigurationError);
  });

  it("stops the server with a clear message when the secret is missing", () => {
    expect(() => readServerConfig({ DATABASE_URL: "postgresql://localhost/portico" })).toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it("enables single sign-on only when issuer, client id and secret are all set", () => {
    const base = { DATABASE_URL: "postgresql://localhost/portico", NEXTAUTH_SECRET: secret };
    expect(readServerConfig(base).oidc).toBeUndefined();
    expect(() => readServerConfig({ ...base, OIDC_ISSUER: "https://id.example.test" })).toThrow(/OIDC_CLIENT_ID/);
    const oidc = readServerConfig({ ...base, OIDC_ISSUER: "https://id.example.test", OIDC_CLIENT_ID: "portico", OIDC_CLIENT_SECRET: "x" }).oidc;
    expect(oidc).toMatchObject({ issuer: "https://id.example.test", clientId: "portico", displayName: "Single sign-on" });
  });
});
