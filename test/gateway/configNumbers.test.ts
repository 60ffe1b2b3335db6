/** Every numeric variable has a range: one past either end is refused, the message naming the range. */
import { loadConfig } from "../../src/gateway/config";
import { NUMBER_RANGES } from "../../src/gateway/configNumbers";
import { configErrorFor } from "../support/config";

const variables = Object.entries(NUMBER_RANGES);

test("the ranges cover the numeric variables", () => {
  expect(variables.length).toBeGreaterThanOrEqual(10);
});

test.each(variables)("%s: both ends accepted, one beyond refused naming the range", (name, range) => {
  const range_ = `from ${range.min} to ${range.max}`;
  for (const value of [range.min, range.max]) {
    expect(() => loadConfig({ [name]: String(value) })).not.toThrow();
  }
  const beyond = [String(range.max + 1), "99999999999999999999"];
  // EOL_TRUST_PROXY reads anything else as proxy addresses.
  if (name !== "EOL_TRUST_PROXY") beyond.push("1e3", "-1");
  if (range.min > 0) beyond.push(String(range.min - 1));
  for (const raw of beyond) configErrorFor({ [name]: raw }, name, new RegExp(`${range_}.*got "${raw}"`));
});
