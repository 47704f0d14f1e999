// The SMTP sink (tests/setup/smtp-sink.ts) in a process of its own, for the browser tests' server:
//   npx tsx tests/setup/smtp-sink-process.ts <port> <directory>
// Port 0 picks a free one. Prints one JSON line, {"port": …}, once it listens; stops on SIGTERM or SIGINT.
import { startSmtpSink } from "./smtp-sink";

const [portArgument = "0", directory] = process.argv.slice(2);
const port = Number(portArgument);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !directory) {
  process.stderr.write("Usage: tsx tests/setup/smtp-sink-process.ts <port> <directory>\n");
  process.exit(2);
}

const sink = await startSmtpSink({ port, directory });
process.stdout.write(`${JSON.stringify({ port: sink.port })}\n`);
const stop = () => void sink.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
