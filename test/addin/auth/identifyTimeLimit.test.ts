/** @jest-environment jsdom */
/**
 * "Try again" on the sign-in window's last page (a kept sign-in whose identity read failed) gives up
 * when the gateway does not answer within its time limit: the request is aborted and the page says
 * the gateway could not be reached, with the button ready for another try.
 */
import { en } from "../../../src/addin/i18n/en";

const realFetch = global.fetch;
afterEach(() => {
  jest.useRealTimers();
  global.fetch = realFetch;
});

test("a gateway that never answers Try again: aborted after the time limit, button ready again", async () => {
  jest.useFakeTimers();
  document.body.innerHTML = '<h1 id="title"></h1><p id="detail"></p><button id="retry" hidden></button>';
  window.history.replaceState(null, "", "/auth-complete.html?status=retry&loginId=l1&completion=c1");
  const signals: AbortSignal[] = [];
  global.fetch = jest.fn(
    (_url: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        // Never answers; only an abort ends it.
        if (!init?.signal) return;
        signals.push(init.signal);
        init.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")));
      }),
  ) as typeof fetch;
  let limitMs = 0;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    limitMs = (require("../../../src/addin/auth/dialogPage") as { IDENTIFY_TIME_LIMIT_MS: number })
      .IDENTIFY_TIME_LIMIT_MS;
  });
  const button = document.getElementById("retry") as HTMLButtonElement;
  expect(button.hidden).toBe(false);
  button.click();
  await jest.advanceTimersByTimeAsync(0);
  expect(button.disabled).toBe(true);
  await jest.advanceTimersByTimeAsync(limitMs);
  expect(signals.map((signal) => signal.aborted)).toEqual([true]);
  expect(document.getElementById("detail")!.textContent).toBe(en.signInGatewayAway);
  expect(button.disabled).toBe(false);
});
