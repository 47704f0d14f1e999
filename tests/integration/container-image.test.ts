import { describe, expect, it } from "vitest";
import { checkImage } from "../../scripts/check-image";
import { createTestDatabase } from "../setup/test-database";

// docs/deploy.md "Container image": the Dockerfile builds, its image migrates a fresh database with
// `npm run db:migrate`, refuses to start without DATABASE_URL and serves /signin with it. Opt-in
// (PORTICO_IMAGE_CHECK=1, which .ci/run sets in its own step): building the image takes minutes and needs
// a container engine and the base image; on a PostgreSQL server (TEST_DATABASE_URL) the container reaches
// over the host's network.

const wanted = process.env.PORTICO_IMAGE_CHECK === "1";
const reason = !wanted ? "set PORTICO_IMAGE_CHECK=1 to build and run the container image" : !process.env.TEST_DATABASE_URL ? "the container needs TEST_DATABASE_URL" : "";
if (reason) console.info(`Container image check skipped: ${reason}.`);

describe("the container image", () => {
  it.skipIf(Boolean(reason))("builds, migrates a database and serves the sign-in page on it", { timeout: 40 * 60_000 }, async () => {
    const database = await createTestDatabase();
    try {
      const result = await checkImage({ databaseUrl: database.url, port: Number(process.env.IMAGE_CHECK_PORT ?? 3650) });
      console.info(`Container image: ${result.engine}, built in ${result.buildSeconds} s, served /signin ${result.startSeconds} s after starting.`);
      expect(result.status).toBe(200);
    } finally {
      await database.drop();
    }
  });
});
