/**
 * Fair shares inside one (client ID, division) budget: the users waiting on it are served in turn, and
 * none may take the last `minuteReserve` calls of its minute — so a user arriving behind another's loop
 * is served at the next free slot, even after that loop has used its whole share of the minute.
 */
import { VirtualClock } from "../../../src/shared/clock";
import { RateScheduler } from "../../../src/gateway/scheduler/scheduler";

const CONCURRENCY = 2;
const tick = () => new Promise((resolve) => setImmediate(resolve));

it("a second user's call starts at the next free slot, however many calls the first has queued", async () => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 9, 0, 0));
  const scheduler = new RateScheduler({ clock, concurrency: CONCURRENCY });
  const order: string[] = [];
  const call = (user: string) => async () => {
    order.push(user);
    await tick();
  };
  const loop = Array.from({ length: 20 }, () => scheduler.schedule("app", 7, call("loop"), "loop"));
  const other = scheduler.schedule("app", 7, call("other"), "other");
  await Promise.all([...loop, other]);
  // The first CONCURRENCY calls were started before "other" asked; its turn is the next slot.
  expect(order.indexOf("other")).toBe(CONCURRENCY);
});

it("one user takes at most the minute limit less the reserve; another user is still served that minute", async () => {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1, 9, 0, 0));
  const reserve = 10;
  const scheduler = new RateScheduler({ clock, concurrency: 8, minuteReserve: reserve });
  const started: { user: string; at: number }[] = [];
  const call = (user: string) => async () => {
    started.push({ user, at: clock.now() });
    await tick();
  };
  const loop = Array.from({ length: 120 }, () => scheduler.schedule("app", 7, call("loop"), "loop"));
  while (started.length < 60 - reserve) await tick();
  for (let i = 0; i < 5; i += 1) await tick();
  const inFirstMinute = () => started.filter((entry) => entry.at < Date.UTC(2026, 0, 1, 9, 1, 0));
  expect(inFirstMinute()).toHaveLength(60 - reserve); // the loop waits for the next minute…
  const other = await scheduler.schedule("app", 7, async () => clock.now(), "other");
  expect(other).toBe(Date.UTC(2026, 0, 1, 9, 0, 0)); // …while the other user is served at once
  await Promise.all(loop);
  expect(scheduler.userMinuteShare(scheduler.budget("app", 7))).toBe(60 - reserve);
});
