import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// E2E_PORT lets two runs side by side use different ports.
const port = Number(process.env.E2E_PORT ?? 3100);
// Playwright's own browser download is unavailable offline; Debian's Chromium serves instead. Its headless
// shell first: the full browser in headless mode still builds its window's interface (an address bar with a
// web popup preloaded for every page), which costs ~5× the CPU per page and made the suite twice as slow on two cores.
const systemChromium = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  // A failing test runs once more, traced: tracing every test cost ~15 % of the suite's time, and only a failure's
  // trace is read. A test that passes the second time still fails the run: a flaky test is a failure.
  retries: 1,
  failOnFlakyTests: true,
  workers: 2,
  reporter: "list",
  // Two browsers and the server share two cores in CI: a test that signs in twice needs room.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "on-first-retry",
    ...devices["Desktop Chrome"],
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  // Specs run in parallel on one seeded database and own disjoint data. A spec that changes what
  // others assert (erin's organization-level access) is named *.after.spec.ts and runs once they are done;
  // one that keeps someone out altogether (a disabled account), changes every console page (fifty more organizations)
  // or counts the queue's live refreshes (which every change to a request makes) is named *.last.spec.ts and runs after those.
  projects: [
    { name: "portal", testIgnore: /\.(after|last)\.spec\.ts$/ },
    { name: "after", testMatch: /\.after\.spec\.ts$/, dependencies: ["portal"] },
    { name: "last", testMatch: /\.last\.spec\.ts$/, dependencies: ["after"] },
  ],
  webServer: {
    command: "npx tsx tests/setup/e2e-server.ts",
    url: `http://localhost:${port}/signin`,
    // The first run builds the app.
    timeout: 10 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
