import { ConfigurationError } from "../../src/config/env";

/** Runs a command-line script: prints a failure plainly (no stack for configuration errors) and sets the exit code. */
export function runScript(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error instanceof ConfigurationError ? error.message : error);
      process.exit(1);
    },
  );
}
