import { tmpdir } from "node:os";
import { join } from "node:path";

// Where the browser tests' server sends and receives mail, derived from its port so a test process
// finds them without being told: the SMTP sink's folder (every mail Portico sent, as .eml files) and
// the port of Portico's own SMTP receiver.

const port = Number(process.env.E2E_PORT ?? 3100);

export const E2E_MAIL_DIRECTORY = join(tmpdir(), `portico-e2e-mail-${port}`);
export const E2E_INBOUND_SMTP_PORT = port + 1025;
