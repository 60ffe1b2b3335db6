/** Asserts that loading this environment fails with a ConfigError naming `variable` and matching `message`. */
import { ConfigError, loadConfig } from "../../src/gateway/config/config";

export function configErrorFor(env: Record<string, string>, variable: string, message: RegExp): ConfigError {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  // Every problem is reported at once: the one asked for must be among them.
  const problem = (caught as ConfigError).problems.find((found) => found.variable === variable);
  expect(problem?.message).toMatch(message);
  return problem!;
}
