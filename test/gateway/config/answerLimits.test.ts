/** The answer limits' variables: defaults sized for Excel, and every value outside its range refused. */
import { loadConfig } from "../../../src/gateway/config/config";
import { ANSWER_LIMIT_RANGES } from "../../../src/gateway/config/answerLimits";
import { configErrorFor } from "../../support/config";

test("defaults: 100,000 rows and 5 MB an answer (Excel on the web's limit), 32 MB in flight, 64 MB of cache", () => {
  expect(loadConfig({}).answerLimits).toEqual({
    maxRows: 100_000,
    maxBytes: 5 * 1_048_576,
    inFlightBytes: 32 * 1_048_576,
    cacheMaxBytes: 64 * 1_048_576,
  });
});

test("values inside the ranges are taken", () => {
  const config = loadConfig({
    EOL_ANSWER_MAX_ROWS: "5000",
    EOL_ANSWER_MAX_BYTES: "1048576",
    EOL_ANSWERS_IN_FLIGHT_BYTES: "8388608",
    EOL_CACHE_MAX_BYTES: "1048576",
  });
  expect(config.answerLimits).toEqual({
    maxRows: 5000,
    maxBytes: 1_048_576,
    inFlightBytes: 8_388_608,
    cacheMaxBytes: 1_048_576,
  });
});

test.each(Object.entries(ANSWER_LIMIT_RANGES))(
  "%s outside %o is refused, naming the range",
  (name, { min, max }) => {
    for (const raw of [String(min - 1), String(max + 1), "5MB", "-1", "1e6", "99999999999999999999"]) {
      configErrorFor(
        { [name]: raw },
        name,
        new RegExp(`must be a whole number from ${min} to ${max}; got "${raw}"`),
      );
    }
  },
);

test("the memory answers share must hold one whole answer", () => {
  configErrorFor(
    { EOL_ANSWER_MAX_BYTES: "8388608", EOL_ANSWERS_IN_FLIGHT_BYTES: "4194304" },
    "EOL_ANSWERS_IN_FLIGHT_BYTES",
    /must be at least EOL_ANSWER_MAX_BYTES \(8388608\)/,
  );
});
