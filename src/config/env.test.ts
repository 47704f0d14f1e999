import { describe, expect, it } from "vitest";
import { ConfigurationError, parseMailFrom, readEnvironment, readMailConfig, readRuntimeConfig, readSatisfactionConfig, readServerConfig } from "./env";

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

  it("reads a variable again once its value changed, and an invalid one fails every time", () => {
    const source: Record<string, string | undefined> = { SATISFACTION_RATING_DAYS: "30" };
    expect(readSatisfactionConfig(source)).toEqual({ ratingWindowDays: 30 });
    expect(readSatisfactionConfig(source)).toEqual({ ratingWindowDays: 30 });
    source.SATISFACTION_RATING_DAYS = "7";
    expect(readSatisfactionConfig(source)).toEqual({ ratingWindowDays: 7 });
    source.SATISFACTION_RATING_DAYS = undefined;
    expect(readSatisfactionConfig(source)).toEqual({ ratingWindowDays: 14 });
    source.SATISFACTION_RATING_DAYS = "never";
    expect(() => readSatisfactionConfig(source)).toThrow(/SATISFACTION_RATING_DAYS/);
    expect(() => readSatisfactionConfig(source)).toThrow(/SATISFACTION_RATING_DAYS/);
  });

  it("names the variable that is wrong", () => {
    expect(() => readEnvironment({ DATABASE_URL: "mysql://x/y" })).toThrow(/DATABASE_URL/);
    expect(() => readEnvironment({ NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
    expect(() => readEnvironment({ PORT: "http" })).toThrow(ConfigurationError);
  });

  it("reads the days a solved request may be rated (docs/product.md §4.5): 14 unless set, a whole number of days", () => {
    expect(readSatisfactionConfig({})).toEqual({ ratingWindowDays: 14 });
    expect(readSatisfactionConfig({ SATISFACTION_RATING_DAYS: "" })).toEqual({ ratingWindowDays: 14 });
    expect(readSatisfactionConfig({ SATISFACTION_RATING_DAYS: "30" })).toEqual({ ratingWindowDays: 30 });
    expect(() => readSatisfactionConfig({ SATISFACTION_RATING_DAYS: "0" })).toThrow(/SATISFACTION_RATING_DAYS/);
    expect(() => readSatisfactionConfig({ SATISFACTION_RATING_DAYS: "two weeks" })).toThrow(/SATISFACTION_RATING_DAYS/);
  });

  it("reads how far the server's heap may grow past what is alive: 25 % unless set, 0 for the runtime's own choice", () => {
    expect(readRuntimeConfig({})).toEqual({ heapGrowthPercent: 25 });
    expect(readRuntimeConfig({ PORTICO_HEAP_GROWTH_PERCENT: "" })).toEqual({ heapGrowthPercent: 25 });
    expect(readRuntimeConfig({ PORTICO_HEAP_GROWTH_PERCENT: "0" })).toEqual({ heapGrowthPercent: 0 });
    expect(() => readRuntimeConfig({ PORTICO_HEAP_GROWTH_PERCENT: "-5" })).toThrow(/PORTICO_HEAP_GROWTH_PERCENT/);
    expect(() => readRuntimeConfig({ PORTICO_HEAP_GROWTH_PERCENT: "half" })).toThrow(/PORTICO_HEAP_GROWTH_PERCENT/);
  });

  it("stops the server with a clear message when the secret is missing", () => {
    expect(() => readServerConfig({ DATABASE_URL: "postgresql://localhost/portico" })).toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it("reads the read replicas: none unless set, each address checked", () => {
    const base = { DATABASE_URL: "postgresql://primary/portico", NEXTAUTH_SECRET: secret };
    expect(readServerConfig(base).replicaUrls).toEqual([]);
    expect(readServerConfig({ ...base, DATABASE_REPLICA_URL: "" }).replicaUrls).toEqual([]);
    expect(readServerConfig({ ...base, DATABASE_REPLICA_URL: " postgresql://r1/portico , postgres://r2:5433/portico," }).replicaUrls).toEqual([
      "postgresql://r1/portico",
      "postgres://r2:5433/portico",
    ]);
    expect(() => readServerConfig({ ...base, DATABASE_REPLICA_URL: "postgresql://r1/portico,mysql://r2/portico" })).toThrow(
      /DATABASE_REPLICA_URL\.1: must be postgresql:\/\/ addresses separated by commas/,
    );
  });

  it("enables single sign-on only when issuer, client id and secret are all set", () => {
    const base = { DATABASE_URL: "postgresql://localhost/portico", NEXTAUTH_SECRET: secret };
    expect(readServerConfig(base).oidc).toBeUndefined();
    expect(() => readServerConfig({ ...base, OIDC_ISSUER: "https://id.example.test" })).toThrow(/OIDC_CLIENT_ID/);
    const oidc = readServerConfig({ ...base, OIDC_ISSUER: "https://id.example.test", OIDC_CLIENT_ID: "portico", OIDC_CLIENT_SECRET: "x" }).oidc;
    expect(oidc).toMatchObject({ issuer: "https://id.example.test", clientId: "portico", displayName: "Single sign-on" });
  });

  it("reads the mail settings: support's address, the transports, and the keys that sign reply addresses", () => {
    const mail = readMailConfig({ NEXTAUTH_SECRET: secret, MAIL_FROM: "Acme Support <Support@Example.COM>", INBOUND_SMTP_PORT: "2525", SMTP_URL: "smtps://u:p@smtp.example.com:465" });
    expect(mail.from).toEqual({ name: "Acme Support", local: "support", domain: "example.com" });
    expect(mail.inboundSmtp).toEqual({ host: "127.0.0.1", port: 2525 });
    expect(mail.smtpUrl).toBe("smtps://u:p@smtp.example.com:465");
    expect(mail.tokenKeys).toEqual([{ id: "s", secret }]);
    expect(readMailConfig({ MAIL_TOKEN_KEYS: `k2:${"b".repeat(32)}, k1:${"a".repeat(32)}` }).tokenKeys.map((key) => key.id)).toEqual(["k2", "k1"]);
    expect(readMailConfig({}).from.domain).toBe("portico.test");
  });

  it("refuses mail settings it cannot work with, saying which", () => {
    expect(parseMailFrom("support+x@example.com")).toBeNull();
    expect(parseMailFrom("not an address")).toBeNull();
    expect(parseMailFrom("help@example.com")).toEqual({ name: "Support", local: "help", domain: "example.com" });
    expect(() => readMailConfig({ MAIL_FROM: "nobody" })).toThrow(/MAIL_FROM/);
    expect(() => readMailConfig({ MAIL_TOKEN_KEYS: "k1:short" })).toThrow(/MAIL_TOKEN_KEYS/);
    expect(() => readMailConfig({ SMTP_URL: "http://example.com" })).toThrow(/SMTP_URL/);
    expect(() => readMailConfig({ INBOUND_EMAIL_SECRET: "short" })).toThrow(/INBOUND_EMAIL_SECRET/);
  });
});
