/** A refusal repeated by a thousand cells is one warning a minute, saying how many were left out. */
import { VirtualClock } from "../../../src/shared/clock";
import { WARNING_WINDOW_MS, WarningThrottle } from "../../../src/gateway/metrics/operatorWarnings";

test("one line per kind and minute, then the count of those left out", () => {
  const clock = new VirtualClock();
  const throttle = new WarningThrottle(clock);
  expect(throttle.admit("daily_limit_reached 1")).toEqual({ log: true, suppressed: 0 });
  for (let cell = 0; cell < 999; cell += 1) expect(throttle.admit("daily_limit_reached 1").log).toBe(false);
  expect(throttle.admit("exact_blocked 1")).toEqual({ log: true, suppressed: 0 });
  clock.advance(WARNING_WINDOW_MS);
  expect(throttle.admit("daily_limit_reached 1")).toEqual({ log: true, suppressed: 999 });
});
