/** The metrics keep a bounded number of series, however many divisions the gateway serves. */
import { DIVISION_LABEL_CAP, PrometheusTelemetry } from "../../../src/gateway/metrics/prometheus";

test(`queue waits get a division label for the first ${DIVISION_LABEL_CAP} divisions, then "other"`, async () => {
  const telemetry = new PrometheusTelemetry({ processMetrics: false });
  for (let division = 1; division <= 1_000; division += 1) telemetry.queueWait(division, 20);
  telemetry.queueWait(null, 5);
  const text = await telemetry.registry.metrics();
  const series = [...text.matchAll(/^eol_scheduler_wait_seconds_count\{division="([^"]+)"\} (\d+)$/gm)].map(
    (match) => [match[1], Number(match[2])],
  );
  expect(series).toHaveLength(DIVISION_LABEL_CAP + 2);
  expect(series).toContainEqual(["1", 1]);
  expect(series).toContainEqual(["other", 1_000 - DIVISION_LABEL_CAP]);
  expect(series).toContainEqual(["none", 1]);
});

test("calls to Exact count by status class; 4xx by status and 429s apart", async () => {
  const telemetry = new PrometheusTelemetry({ processMetrics: false });
  for (const status of [200, 200, 404, 429, 503, null]) telemetry.exactCall(status);
  const text = await telemetry.registry.metrics();
  expect(text).toMatch(/^eol_exact_calls_total\{status_class="2xx"\} 2$/m);
  expect(text).toMatch(/^eol_exact_calls_total\{status_class="4xx"\} 2$/m);
  expect(text).toMatch(/^eol_exact_calls_total\{status_class="none"\} 1$/m);
  expect(text).toMatch(/^eol_exact_client_errors_total\{status="404"\} 1$/m);
  expect(text).toMatch(/^eol_exact_rate_limited_total 1$/m);
  expect(text).not.toMatch(/^process_/m);
});
