/**
 * The sign-in window's first page is the add-in's own (Microsoft's dialog flow): it waits for Office.js
 * before it goes on to the gateway's start address, goes only to a login's start address, and does not
 * stay stuck when Office.js never says it is ready.
 */
import {
  OFFICE_READY_WAIT_MS,
  continueWhenReady,
  nextLocation,
  signInPageUrl,
} from "../../../src/addin/auth/signInBridge";

const LOGIN = "AbCdEfGhIjKlMnOpQrStUv"; // 22 URL-safe characters, as the gateway makes them

afterEach(() => jest.useRealTimers());

test("the window opens on sign-in.html on the start address's origin, with the login id", () => {
  expect(signInPageUrl(`https://eol.example.com/auth/logins/${LOGIN}/start`, LOGIN)).toBe(
    `https://eol.example.com/sign-in.html?login=${LOGIN}`,
  );
});

test("it leaves for the start address only after Office.js is ready", async () => {
  let ready!: () => void;
  const go = jest.fn();
  const done = continueWhenReady(`?login=${LOGIN}`, () => new Promise<void>((r) => (ready = r)), go);
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(go).not.toHaveBeenCalled();
  ready();
  expect(await done).toBe(`/auth/logins/${LOGIN}/start`);
  expect(go).toHaveBeenCalledWith(`/auth/logins/${LOGIN}/start`);
});

test("Office.js that never gets ready does not keep the window stuck", async () => {
  jest.useFakeTimers();
  const go = jest.fn();
  void continueWhenReady(`?login=${LOGIN}`, () => new Promise(() => undefined), go);
  await jest.advanceTimersByTimeAsync(OFFICE_READY_WAIT_MS - 1);
  expect(go).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(1);
  expect(go).toHaveBeenCalledWith(`/auth/logins/${LOGIN}/start`);
});

test.each(["", "?login=", "?login=../../evil", "?login=https://evil.example", `?login=${LOGIN}x`])(
  "an address without a valid login id (%s) goes to the last page with login_not_found",
  (search) => {
    expect(nextLocation(search)).toBe("/auth-complete.html?status=error&code=login_not_found");
  },
);
