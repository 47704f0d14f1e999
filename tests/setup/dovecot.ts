import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "./clamd";

// A private IMAP server for one test file: Dovecot with a configuration of its own in a temporary
// folder (its sockets, state, log and one user's Maildir), listening on a free loopback port,
// plain-text IMAP only. Nothing is skipped: without Dovecot the IMAP tests fail, saying what to install.

const DOVECOT = "/usr/sbin/dovecot";

export interface PrivateDovecot {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** imap://user:password@127.0.0.1:port/INBOX */
  readonly url: string;
  stop(): Promise<void>;
}

/** The system user mail is kept as, and the users Dovecot's own processes run as. */
interface Accounts {
  uid: number;
  gid: number;
  internalUser: string;
  loginUser: string;
}

function systemUser(name: string): { uid: number; gid: number } | undefined {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) return undefined;
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * As root, Dovecot runs its processes as the unprivileged users its package creates, and keeps mail
 * as `dovecot` (it refuses root for mail). As anyone else, everything runs as that person.
 */
function accounts(): Accounts {
  if (process.getuid?.() !== 0) {
    const me = userInfo();
    return { uid: me.uid, gid: me.gid, internalUser: me.username, loginUser: me.username };
  }
  const mail = systemUser("dovecot");
  if (!mail || !systemUser("dovenull")) throw new Error("The users dovecot and dovenull are missing: install Debian's dovecot-imapd, which creates them.");
  return { ...mail, internalUser: "dovecot", loginUser: "dovenull" };
}

/** "2.3.19.1 (9b53102964)" → [2, 3]. */
function dovecotVersion(): [number, number] {
  const output = execFileSync(DOVECOT, ["--version"], { encoding: "utf8" });
  const match = /^(\d+)\.(\d+)/.exec(output.trim());
  if (!match) throw new Error(`Unexpected output of dovecot --version: ${output}`);
  return [Number(match[1]), Number(match[2])];
}

function configuration(options: { folder: string; port: number; users: string; accounts: Accounts; version: [number, number] }): string {
  const { folder, port, users, accounts: who, version } = options;
  const modern = version[0] > 2 || (version[0] === 2 && version[1] >= 4);
  const common = [
    `base_dir = ${join(folder, "run")}`,
    `state_dir = ${join(folder, "state")}`,
    `instance_name = portico-test-${port}`,
    `log_path = ${join(folder, "dovecot.log")}`,
    "protocols = imap",
    "listen = 127.0.0.1",
    "ssl = no",
    "auth_mechanisms = plain login",
    `default_internal_user = ${who.internalUser}`,
    `default_login_user = ${who.loginUser}`,
    `first_valid_uid = ${Math.min(who.uid, 1)}`,
    `first_valid_gid = ${Math.min(who.gid, 1)}`,
  ];
  const listeners = ["service imap-login {", "  inet_listener imap {", `    port = ${port}`, "  }", "  inet_listener imaps {", "    port = 0", "  }", "}"];
  // 2.4 renamed most settings and changed the syntax of the user databases.
  const specific = modern
    ? [
        "auth_allow_cleartext = yes",
        "mail_driver = maildir",
        "mail_path = ~/Maildir",
        "passdb passwd-file {",
        `  passwd_file_path = ${users}`,
        "}",
        "userdb passwd-file {",
        `  passwd_file_path = ${users}`,
        "}",
      ]
    : [
        "disable_plaintext_auth = no",
        "mail_location = maildir:~/Maildir",
        "passdb {",
        "  driver = passwd-file",
        `  args = scheme=PLAIN username_format=%u ${users}`,
        "}",
        "userdb {",
        "  driver = passwd-file",
        `  args = username_format=%u ${users}`,
        "}",
      ];
  const header = modern ? ["dovecot_config_version = 2.4.0", "dovecot_storage_version = 2.4.0"] : [];
  return [...header, ...common, ...specific, ...listeners, ""].join("\n");
}

/** Resolves once the server greets on the port; rejects if the process exits first or after 30 s. */
async function waitForGreeting(port: number, daemon: ChildProcess, log: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (daemon.exitCode !== null || daemon.signalCode !== null) throw new Error(`dovecot exited while starting:\n${await log()}`);
    const greeted = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      const done = (answer: boolean) => {
        socket.destroy();
        resolve(answer);
      };
      socket.setTimeout(1_000, () => done(false));
      socket.once("data", (data: Buffer) => done(data.toString().startsWith("* OK")));
      socket.once("error", () => done(false));
    });
    if (greeted) return;
    if (Date.now() > deadline) throw new Error(`dovecot did not greet on port ${port} within 30 s:\n${await log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startDovecot(): Promise<PrivateDovecot> {
  if (!existsSync(DOVECOT)) throw new Error(`${DOVECOT} is missing: install Debian's dovecot-imapd (apt-get install --no-install-recommends dovecot-imapd; .ci/run does it).`);
  const who = accounts();
  const folder = await mkdtemp(join(tmpdir(), "portico-dovecot-"));
  // Dovecot's unprivileged processes reach their sockets and the mail through this folder.
  await chmod(folder, 0o755);
  const home = join(folder, "home");
  await mkdir(home);
  await chown(home, who.uid, who.gid);

  const user = "support";
  const password = randomBytes(12).toString("hex");
  const users = join(folder, "users");
  await writeFile(users, `${user}:{PLAIN}${password}:${who.uid}:${who.gid}::${home}\n`, { mode: 0o644 });
  const port = await freePort();
  const conf = join(folder, "dovecot.conf");
  await writeFile(conf, configuration({ folder, port, users, accounts: who, version: dovecotVersion() }));

  const logFile = join(folder, "dovecot.log");
  let output = "";
  const log = async () => output + (existsSync(logFile) ? await readFile(logFile, "utf8") : "");
  const daemon = spawn(DOVECOT, ["-F", "-c", conf], { stdio: ["ignore", "pipe", "pipe"] });
  daemon.stdout?.on("data", (data: Buffer) => (output += data.toString()));
  daemon.stderr?.on("data", (data: Buffer) => (output += data.toString()));

  async function stop(): Promise<void> {
    if (daemon.exitCode === null && daemon.signalCode === null) {
      const exited = new Promise((resolve) => daemon.once("exit", resolve));
      // The master process stops its children on SIGTERM.
      daemon.kill("SIGTERM");
      const killed = setTimeout(() => daemon.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(killed);
    }
    await rm(folder, { recursive: true, force: true });
  }

  try {
    await waitForGreeting(port, daemon, log);
  } catch (error) {
    await stop();
    throw error;
  }
  const host = "127.0.0.1";
  return { host, port, user, password, url: `imap://${user}:${password}@${host}:${port}/INBOX`, stop };
}
