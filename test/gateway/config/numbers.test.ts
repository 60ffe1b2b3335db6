/** Every numeric variable has a range: one past either end is refused, the message naming the range. */
import { loadConfig } from "../../../src/gateway/config/config";
import { NUMBER_RANGES } from "../../../src/gateway/config/numbers";
import { configErrorFor } from "../../support/config";

const variables = Object.entries(NUMBER_RANGES);

/** Variables checked against another: each end is tried with the other set so both may hold. */
const COMPANIONS: Record<string, Record<string, string>> = {
  EOL_ANSWER_MAX_BYTES: {
    EOL_ANSWERS_IN_FLIGHT_BYTES: String(NUMBER_RANGES.EOL_ANSWERS_IN_FLIGHT_BYTES.max),
  },
  EOL_ANSWERS_IN_FLIGHT_BYTES: { EOL_ANSWER_MAX_BYTES: String(NUMBER_RANGES.EOL_ANSWER_MAX_BYTES.min) },
};

test("the ranges cover the numeric variables", () => {
  expect(variables.length).toBeGreaterThanOrEqual(10);
});

test.each(variables)("%s: both ends accepted, one beyond refused naming the range", (name, range) => {
  const range_ = `from ${range.min} to ${range.max}`;
  for (const value of [range.min, range.max]) {
    expect(() => loadConfig({ ...COMPANIONS[name], [name]: String(value) })).not.toThrow();
  }
  const beyond = [String(range.max + 1), "99999999999999999999"];
  // EOL_TRUST_PROXY reads anything else as proxy addresses.
  if (name !== "EOL_TRUST_PROXY") beyond.push("1e3", "-1");
  if (range.min > 0) beyond.push(String(range.min - 1));
  for (const raw of beyond) configErrorFor({ [name]: raw }, name, new RegExp(`${range_}.*got "${raw}"`));
});
