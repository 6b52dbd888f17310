/**
 * A problem with the deployment's configuration or environment. Its message is one sentence
 * for the operator, naming the variable or the command to run; start-up prints it and exits
 * without a stack trace.
 */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Environment variables as read by the config parsers; process.env fits, and so does a test's object. */
export type Env = Readonly<Record<string, string | undefined>>;
