// Runs s3rver for tests/setup/s3-server.ts in a process of its own: s3rver makes its ListObjectsV2
// continuation tokens with DES, which Node's OpenSSL 3 offers only with --openssl-legacy-provider.
// Prints one JSON line, {"port": …}, once the server listens; stops on SIGTERM.
import S3rver from "s3rver";

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({ address: "127.0.0.1", port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
