/** Asserts that loading this environment fails with a ConfigError naming `variable` and matching `message`. */
import { ConfigError, loadConfig } from "../../src/gateway/config";

export function configErrorFor(env: Record<string, string>, variable: string, message: RegExp): ConfigError {
  let caught: unknown;
  try {
    loadConfig(env);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ConfigError);
  const error = caught as ConfigError;
  expect(error.variable).toBe(variable);
  expect(error.message).toMatch(message);
  return error;
}
