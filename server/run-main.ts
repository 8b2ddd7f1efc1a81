import { ConfigError } from './config';

/**
 * Runs an entry point; a configuration or start-up failure prints one clear message (no stack
 * trace for a wrong setting) and exits non-zero.
 */
export function runMain(name: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ConfigError) console.error(`pangolin ${name}: ${error.message}`);
      else
        console.error(
          `pangolin ${name} failed:`,
          error instanceof Error ? (error.stack ?? error.message) : error,
        );
      process.exit(1);
    },
  );
}
