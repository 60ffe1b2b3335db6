/** The progress reporter writes to the board at most every 250 ms, in order, and ends with the answer. */
import type { FastifyBaseLogger } from "fastify";
import { VirtualClock } from "../../../src/shared/clock";
import { MemoryProgressBoard, type ProgressEntry } from "../../../src/gateway/progress/progressBoard";
import { RequestProgress, WRITE_INTERVAL_MS } from "../../../src/gateway/progress/requestProgress";

class CountingBoard extends MemoryProgressBoard {
  readonly puts: ProgressEntry[] = [];
  override async put(entry: ProgressEntry): Promise<void> {
    this.puts.push({ ...entry });
    await super.put(entry);
  }
}

function reporter(board: CountingBoard, clock = new VirtualClock()) {
  const log = { warn: jest.fn() } as unknown as FastifyBaseLogger;
  return new RequestProgress({ board, clock, log, sessionId: "s1", requestId: "req-00001", table: "roles" });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a burst of 1,000 divisions done costs one write at the start, one after the interval and one at the end", async () => {
  const board = new CountingBoard();
  const progress = reporter(board);
  progress.start(1000);
  for (let i = 0; i < 1000; i += 1) progress.advance();
  await pause(WRITE_INTERVAL_MS + 50);
  await progress.finish(true);
  expect(board.puts.map(({ done, finished }) => ({ done, finished }))).toEqual([
    { done: 0, finished: false },
    { done: 1000, finished: false },
    { done: 1000, finished: true },
  ]);
  expect(await board.get("s1", "req-00001", 0)).toMatchObject({ done: 1000, total: 1000, finished: true });
});

test("fewer than 20 divisions write nothing; a failed request leaves no entry", async () => {
  const small = new CountingBoard();
  const quick = reporter(small);
  quick.start(19);
  quick.advance();
  await quick.finish(true);
  expect(small.puts).toEqual([]);

  const board = new CountingBoard();
  const failing = reporter(board);
  failing.start(40);
  failing.advance();
  await failing.finish(false);
  expect(board.puts).toHaveLength(1);
  expect(await board.get("s1", "req-00001", 0)).toBeNull();
});

test("a finished entry expires after a minute of the gateway's clock", async () => {
  const clock = new VirtualClock();
  const board = new CountingBoard();
  const progress = reporter(board, clock);
  progress.start(20);
  await progress.finish(true);
  expect(await board.get("s1", "req-00001", clock.now() + 59_000)).not.toBeNull();
  expect(await board.get("s1", "req-00001", clock.now() + 60_000)).toBeNull();
});
