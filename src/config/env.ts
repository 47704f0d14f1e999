import { z } from "zod";

// The one place that reads process.env. Everything else asks for the slice it needs, validated,
// so a misconfiguration fails at startup with a message that says what to set.

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

/** A number that may be left empty (as in .env.example), which means the default. */
function optionalNumber(schema: z.ZodNumber, fallback: number) {
  return optionalString.transform((value) => (value === undefined ? fallback : Number(value))).pipe(schema);
}

/** How far past what is alive the server's heap grows by default: memory against CPU (docs/PERFORMANCE.md, "Memory"). */
const HEAP_GROWTH_PERCENT = 25;

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  // Read replicas of DATABASE_URL for the lists and searches (docs/deploy.md): addresses separated by commas.
  DATABASE_REPLICA_URL: optionalString
    .transform((value) => (value ?? "").split(",").map((url) => url.trim()).filter(Boolean))
    .pipe(z.array(z.url({ protocol: /^postgres(ql)?$/, error: "must be postgresql:// addresses separated by commas" }))),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),
  NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
  OIDC_ISSUER: optionalString.pipe(z.url().optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_DISPLAY_NAME: optionalString,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PORTICO_DATA_DIR: z.string().default(".data"),
  // The server's heap (docs/deploy.md "Memory"): how far past what is alive V8 lets it grow, in percent; 0 for V8's own choice.
  PORTICO_HEAP_GROWTH_PERCENT: optionalNumber(z.number().int().min(0).max(1_000), HEAP_GROWTH_PERCENT),
  // The automation (docs/automation.md): seconds between passes, 0 to switch it off; requests per kind per pass.
  AUTOMATION_INTERVAL_SECONDS: optionalNumber(z.number().int().min(0).max(86_400), 60),
  AUTOMATION_BATCH_SIZE: optionalNumber(z.number().int().min(1).max(10_000), 100),
  // Live chat (docs/realtime.md): minutes without a line after which the automation ends a chat.
  CHAT_IDLE_MINUTES: optionalNumber(z.number().int().min(1).max(24 * 60), 15),
  // The Requests API (docs/api.md): calls per credential per minute before 429.
  API_RATE_LIMIT_PER_MINUTE: optionalNumber(z.number().int().min(1).max(1_000_000), 600),
  // Webhooks (docs/webhooks.md): "true" lets deliveries go to private and local addresses (a receiver on the same network).
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: optionalString.pipe(z.enum(["true", "false"]).optional()),
  // Satisfaction ratings (docs/product.md §4.5): days after a solve during which the requester may rate or change their rating.
  SATISFACTION_RATING_DAYS: optionalNumber(z.number().int().min(1).max(365), 14),
  // "true" sends the Content-Security-Policy as Content-Security-Policy-Report-Only: violations are
  // reported in the browser's console, nothing is blocked (docs/SECURITY.md).
  CSP_REPORT_ONLY: optionalString.pipe(z.enum(["true", "false"]).optional()),
  // Sessions (docs/SECURITY.md): minutes of inactivity after which a session ends; its maximum age in days.
  SESSION_IDLE_TIMEOUT_MINUTES: optionalNumber(z.number().int().min(5).max(60 * 24 * 90), 480),
  SESSION_MAX_AGE_DAYS: optionalNumber(z.number().int().min(1).max(365), 14),
  // Attachments (README "Attachments"): where files are stored, and how large they may be.
  ATTACHMENT_STORAGE: optionalString.pipe(z.enum(["filesystem", "s3"]).optional()),
  ATTACHMENT_DIR: optionalString,
  ATTACHMENT_MAX_FILE_MB: optionalNumber(z.number().int().min(1).max(2048), 20),
  ATTACHMENT_MAX_MESSAGE_MB: optionalNumber(z.number().int().min(1).max(4096), 50),
  ATTACHMENT_MAX_FILES: optionalNumber(z.number().int().min(1).max(100), 10),
  S3_ENDPOINT: optionalString.pipe(z.url().optional()),
  S3_REGION: optionalString,
  S3_BUCKET: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  // A ClamAV daemon that scans every attachment before anyone may download it: tcp://host:3310 or unix:///path/to/clamd.ctl.
  CLAMD_URL: optionalString.pipe(z.url({ protocol: /^(tcp|unix)$/ }).optional()),
  // Reverse proxies in front of the app that append to X-Forwarded-For: how client addresses are read.
  TRUSTED_PROXY_COUNT: optionalNumber(z.number().int().min(0).max(10), 0),
  // Email (docs/email.md): the outbound server, the support address, and the three inbound transports.
  SMTP_URL: optionalString.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  MAIL_FROM: optionalString,
  INBOUND_SMTP_PORT: optionalString.transform((value) => (value === undefined ? undefined : Number(value))).pipe(z.number().int().min(1).max(65535).optional()),
  INBOUND_SMTP_HOST: optionalString,
  IMAP_URL: optionalString.pipe(z.url({ protocol: /^imaps?$/ }).optional()),
  INBOUND_EMAIL_SECRET: optionalString.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  // Keys that sign reply addresses: "id:secret" pairs, comma-separated; the first signs, all verify.
  MAIL_TOKEN_KEYS: optionalString,
  // The largest inbound email accepted, in megabytes (default 30); larger ones are refused while they stream.
  INBOUND_MAX_MB: optionalNumber(z.number().int().min(1).max(200), 30),
  // Set by Next.js; "phase-production-build" while `next build` loads the app's modules.
  NEXT_PHASE: optionalString,
  // Tests: a PostgreSQL server on which each run creates (and drops) its own fresh databases.
  TEST_DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
});

export type Environment = z.infer<typeof environmentSchema>;
type EnvironmentSource = Record<string, string | undefined>;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

const ENVIRONMENT_NAMES = Object.keys(environmentSchema.shape);

// Every request reads some of its settings, and parsing all of them takes ~0.1–0.2 ms: the last parse is
// kept for as long as the variables it read hold the same values (a test may change them between calls).
let lastParsed: { values: string; env: Environment } | undefined;

export function readEnvironment(source: EnvironmentSource = process.env): Environment {
  const values = JSON.stringify(ENVIRONMENT_NAMES.map((name) => source[name] ?? null));
  if (lastParsed?.values === values) return lastParsed.env;
  const parsed = environmentSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration:\n${problems.join("\n")}\nSee .env.example.`);
  }
  const env = parsed.data;
  const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
  if (oidc.some(Boolean) && !oidc.every(Boolean)) {
    throw new ConfigurationError(
      "Single sign-on needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or none of them).",
    );
  }
  lastParsed = { values, env: Object.freeze(env) };
  return lastParsed.env;
}

export interface ServerConfig {
  databaseUrl: string;
  databasePoolMax: number;
  /** Read replicas for the lists and searches; none when empty. */
  replicaUrls: string[];
  authSecret: string;
  /** Served over HTTPS (NEXTAUTH_URL): the session cookie is `__Secure-` prefixed and Secure. */
  secureCookies: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string; displayName: string } | undefined;
}

/** What the running app needs; `npm start` supplies all of it, a deployment sets it. */
export function readServerConfig(source: EnvironmentSource = process.env): ServerConfig {
  const env = readEnvironment(source);
  if (!env.DATABASE_URL) {
    throw new ConfigurationError(
      "DATABASE_URL is not set. Start Portico with `npm start` (embedded database) or set DATABASE_URL to a PostgreSQL server.",
    );
  }
  if (!env.NEXTAUTH_SECRET) {
    throw new ConfigurationError(
      "NEXTAUTH_SECRET is not set. Set it to a random string of at least 32 characters " +
        "(for example the output of `openssl rand -base64 32`). Only `npm start` on the embedded database generates one.",
    );
  }
  return {
    databaseUrl: env.DATABASE_URL,
    databasePoolMax: env.DATABASE_POOL_MAX,
    replicaUrls: env.DATABASE_REPLICA_URL,
    authSecret: env.NEXTAUTH_SECRET,
    secureCookies: (env.NEXTAUTH_URL ?? "").startsWith("https://"),
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            displayName: env.OIDC_DISPLAY_NAME ?? "Single sign-on",
          }
        : undefined,
  };
}

export interface AutomationConfig {
  /** Seconds between passes; 0 means the automation does not run in this process. */
  intervalSeconds: number;
  batchSize: number;
  /** A chat nobody wrote in for this long is ended by the pass. */
  chatIdleMs: number;
}

export function readAutomationConfig(source: EnvironmentSource = process.env): AutomationConfig {
  const env = readEnvironment(source);
  // A build has no database to work on.
  const building = env.NEXT_PHASE === "phase-production-build";
  return { intervalSeconds: building ? 0 : env.AUTOMATION_INTERVAL_SECONDS, batchSize: env.AUTOMATION_BATCH_SIZE, chatIdleMs: env.CHAT_IDLE_MINUTES * 60_000 };
}

export interface RuntimeConfig {
  /** How far past what survived the last full collection the heap may grow, in percent; 0 leaves it to V8. */
  heapGrowthPercent: number;
}

export function readRuntimeConfig(source: EnvironmentSource = process.env): RuntimeConfig {
  return { heapGrowthPercent: readEnvironment(source).PORTICO_HEAP_GROWTH_PERCENT };
}

export interface SatisfactionConfig {
  /** Days after a solve during which the requester may rate it, or change their rating. */
  ratingWindowDays: number;
}

export function readSatisfactionConfig(source: EnvironmentSource = process.env): SatisfactionConfig {
  return { ratingWindowDays: readEnvironment(source).SATISFACTION_RATING_DAYS };
}

export interface ApiConfig {
  /** Calls per credential per minute; more are answered 429 until the minute ends. */
  rateLimitPerMinute: number;
}

export function readApiConfig(source: EnvironmentSource = process.env): ApiConfig {
  return { rateLimitPerMinute: readEnvironment(source).API_RATE_LIMIT_PER_MINUTE };
}

export interface WebhookConfig {
  /** Deliveries may go to private, loopback and link-local addresses. */
  allowPrivateNetworks: boolean;
}

export function readWebhookConfig(source: EnvironmentSource = process.env): WebhookConfig {
  return { allowPrivateNetworks: readEnvironment(source).WEBHOOK_ALLOW_PRIVATE_NETWORKS === "true" };
}

export interface SecurityConfig {
  /** Send the Content-Security-Policy as report-only. */
  cspReportOnly: boolean;
  /** The development server's hot reload evaluates code: only there does the policy allow it. */
  development: boolean;
}

export function readSecurityConfig(source: EnvironmentSource = process.env): SecurityConfig {
  const env = readEnvironment(source);
  return { cspReportOnly: env.CSP_REPORT_ONLY === "true", development: env.NODE_ENV === "development" };
}

export interface SessionConfig {
  idleMs: number;
  maxAgeMs: number;
  /** Proxies in front of the app that append to X-Forwarded-For. */
  trustedProxies: number;
}

export function readSessionConfig(source: EnvironmentSource = process.env): SessionConfig {
  const env = readEnvironment(source);
  return {
    idleMs: env.SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
    maxAgeMs: env.SESSION_MAX_AGE_DAYS * 24 * 60 * 60_000,
    trustedProxies: env.TRUSTED_PROXY_COUNT,
  };
}

export type AttachmentStorageConfig =
  | { driver: "filesystem"; directory: string }
  | { driver: "s3"; endpoint: string; region: string; bucket: string; accessKeyId: string; secretAccessKey: string };

export interface AttachmentConfig {
  storage: AttachmentStorageConfig;
  maxFileBytes: number;
  maxMessageBytes: number;
  maxFiles: number;
  /** The ClamAV daemon, or undefined: files are available at once. */
  clamdUrl: string | undefined;
}

const MEGABYTE = 1024 * 1024;

export function readAttachmentConfig(source: EnvironmentSource = process.env): AttachmentConfig {
  const env = readEnvironment(source);
  const limits = { maxFileBytes: env.ATTACHMENT_MAX_FILE_MB * MEGABYTE, maxMessageBytes: env.ATTACHMENT_MAX_MESSAGE_MB * MEGABYTE, maxFiles: env.ATTACHMENT_MAX_FILES, clamdUrl: env.CLAMD_URL };
  if (env.ATTACHMENT_STORAGE === "s3") {
    const { S3_ENDPOINT: endpoint, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: accessKeyId, S3_SECRET_ACCESS_KEY: secretAccessKey } = env;
    if (!endpoint || !bucket || !accessKeyId || !secretAccessKey) {
      throw new ConfigurationError("ATTACHMENT_STORAGE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.");
    }
    return { ...limits, storage: { driver: "s3", endpoint, region: env.S3_REGION ?? "us-east-1", bucket, accessKeyId, secretAccessKey } };
  }
  return { ...limits, storage: { driver: "filesystem", directory: env.ATTACHMENT_DIR ?? `${env.PORTICO_DATA_DIR}/attachments` } };
}

export interface MailAddress {
  /** As shown: "Acme Support". */
  name: string;
  /** The support mailbox's local part and domain: reply addresses are `<local>+<token>@<domain>`. */
  local: string;
  domain: string;
}

export interface MailConfig {
  /** The outbound server; undefined keeps mail for the Mail page instead of sending it. */
  smtpUrl: string | undefined;
  from: MailAddress;
  /** Portico's own SMTP receiver, when a port is set. */
  inboundSmtp: { host: string; port: number } | undefined;
  imapUrl: string | undefined;
  /** Enables POST /api/inbound/email. */
  inboundSecret: string | undefined;
  inboundMaxBytes: number;
  /** Reply-address signing keys, the signing one first. */
  tokenKeys: readonly { id: string; secret: string }[];
  /** Links in mail point here. */
  publicUrl: string;
}

const DEFAULT_MAIL_FROM = "Portico Support <support@portico.test>";

/** `Name <local@domain>` or a bare address, read strictly: a support address Portico cannot build reply addresses on is a configuration error. */
export function parseMailFrom(value: string): MailAddress | null {
  const match = /^\s*(?:"?([^"<>]*?)"?\s*<([^<>\s@]+)@([^<>\s@]+)>|([^<>\s@]+)@([^<>\s@]+))\s*$/.exec(value);
  if (!match) return null;
  const local = match[2] ?? match[4] ?? "";
  const domain = (match[3] ?? match[5] ?? "").toLowerCase();
  if (local.includes("+") || !/^[a-z0-9.-]+$/.test(domain)) return null;
  return { name: (match[1] ?? "").trim() || "Support", local: local.toLowerCase(), domain };
}

export function readMailConfig(source: EnvironmentSource = process.env): MailConfig {
  const env = readEnvironment(source);
  const from = parseMailFrom(env.MAIL_FROM ?? DEFAULT_MAIL_FROM);
  if (!from) throw new ConfigurationError("MAIL_FROM must be an address without a \"+\", optionally with a name: Acme Support <support@example.com>.");
  const tokenKeys = (env.MAIL_TOKEN_KEYS ?? "")
    .split(",")
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf(":");
      const id = pair.slice(0, at);
      const secret = pair.slice(at + 1);
      if (at < 1 || !/^[a-z0-9]{1,8}$/.test(id) || secret.length < 32) {
        throw new ConfigurationError("MAIL_TOKEN_KEYS holds id:secret pairs: ids of lower-case letters and digits (at most 8), secrets of at least 32 characters.");
      }
      return { id, secret };
    });
  // Without keys of its own, reply addresses are signed with a key derived from the session secret.
  // The server never runs without NEXTAUTH_SECRET (readServerConfig); only tests and scripts reach the last fallback.
  const signing = tokenKeys.length > 0 ? tokenKeys : [{ id: "s", secret: env.NEXTAUTH_SECRET ?? "portico-tests-and-scripts-only-mail-token-key" }];
  return {
    smtpUrl: env.SMTP_URL,
    from,
    inboundSmtp: env.INBOUND_SMTP_PORT ? { host: env.INBOUND_SMTP_HOST ?? "127.0.0.1", port: env.INBOUND_SMTP_PORT } : undefined,
    imapUrl: env.IMAP_URL,
    inboundSecret: env.INBOUND_EMAIL_SECRET,
    inboundMaxBytes: env.INBOUND_MAX_MB * MEGABYTE,
    tokenKeys: signing,
    publicUrl: (env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
  };
}
