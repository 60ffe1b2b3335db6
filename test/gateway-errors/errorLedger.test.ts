/**
 * The error budget's ledger contract: gateways sharing one ledger (e.g. through a shared store) share
 * the error count and Exact's blocks, while remembered answers stay per gateway and per chain.
 */
import { VirtualClock } from "../../src/shared/clock";
import { GatewayError } from "../../src/gateway/errors";
import { ErrorBudget, MemoryErrorLedger, type ErrorScope } from "../../src/gateway/exact/errorBudget";

const scope = (url: string, division = 7): ErrorScope => ({
  chainId: "chain-1",
  division,
  endpoint: "crm/Accounts",
  url,
});
const bad = new GatewayError(400, "exact_error", "Exact Online: bad field");

test("two gateways on one ledger stop together at the limit, and both honour a block", async () => {
  const clock = new VirtualClock();
  const ledger = new MemoryErrorLedger();
  const first = new ErrorBudget({ clock, ledger });
  const second = new ErrorBudget({ clock, ledger });
  for (let i = 0; i < 5; i += 1) await first.failed(scope(`u${i}`), 400, bad);
  await expect(second.check(scope("fresh"))).rejects.toMatchObject({
    code: "error_limit_reached",
    status: 429,
  });
  // Another division (or endpoint) has its own count.
  await expect(second.check(scope("fresh", 8))).resolves.toBeUndefined();
  await first.blocked(scope("x", 8), clock.now() + 60_000);
  await expect(second.check(scope("y", 8))).rejects.toMatchObject({ code: "exact_blocked" });
  clock.advance(60_001);
  await expect(second.check(scope("y", 8))).resolves.toBeUndefined();
  // Errors leave the window after an hour.
  clock.advance(3_600_000);
  await expect(second.check(scope("fresh"))).resolves.toBeUndefined();
});

test("a remembered answer expires after 10 minutes and is forgotten by forget(chain)", async () => {
  const clock = new VirtualClock();
  const budget = new ErrorBudget({ clock });
  await budget.failed(scope("same"), 400, bad);
  await expect(budget.check(scope("same"))).rejects.toBe(bad);
  budget.forget("chain-1");
  await expect(budget.check(scope("same"))).resolves.toBeUndefined();
  await budget.failed(scope("same"), 400, bad);
  clock.advance(10 * 60_000);
  await expect(budget.check(scope("same"))).resolves.toBeUndefined();
  // 5xx and 429 are not Exact's block-counted errors.
  for (let i = 0; i < 10; i += 1) await budget.failed(scope(`t${i}`), 503, null);
  await expect(budget.check(scope("other"))).resolves.toBeUndefined();
});
