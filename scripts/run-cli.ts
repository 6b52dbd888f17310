import { ConfigError } from "../lib/config/config-error";

/**
 * Runs a command-line script: a configuration problem prints its one sentence and exits 1;
 * anything else is a bug and keeps its stack trace.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
