/**
 * Child process of instanceKill.test.ts: one gateway instance (the real startGateway, own process, own
 * PostgreSQL connections) on a VirtualClock the parent moves over IPC, so token ages match the
 * simulator's. Prints "READY <url>" once it listens; the test kills it with SIGKILL.
 */
import process from "node:process";
import { VirtualClock } from "../../../src/shared/clock";
import { loadConfig } from "../../../src/gateway/config/config";
import { startGateway } from "../../../src/gateway/start";

const clock = new VirtualClock(Number(process.env.EOL_TEST_CLOCK_START));
process.on("message", (message: { set?: number }) => {
  if (typeof message.set === "number" && message.set > clock.now()) clock.set(message.set);
  process.send?.({ now: clock.now() });
});

startGateway(loadConfig(process.env), { clock }).then(
  (running) => process.stdout.write(`READY ${running.url}\n`),
  (error: unknown) => {
    process.stderr.write(`gateway did not start: ${String(error)}\n`);
    process.exit(1);
  },
);
