/**
 * The sign-in window's first page (sign-in.html) is one of the add-in's own pages, as Microsoft's
 * dialog flow documents it: Office.js loads and initialises there — inside an Office dialog it keeps
 * the host information Office put on this first address in the window's session storage — and only
 * then does the page go on to the gateway's start address, which sends it to Exact. Had the dialog
 * opened on the gateway's redirect, Office.js would never run before the window left the add-in's
 * origin, and on the way back auth-complete.html could lose its line to the task pane (12006).
 */

/** The gateway's login ids (22 URL-safe characters); anything else never reaches an address. */
const LOGIN_ID = /^[A-Za-z0-9_-]{22}$/;

/** How long the page waits for Office.js before going on anyway (a stuck window helps nobody). */
export const OFFICE_READY_WAIT_MS = 10_000;

/** The bridge page for a login, on the origin of the gateway's start address (the add-in's own). */
export function signInPageUrl(startUrl: string, loginId: string): string {
  const url = new URL("/sign-in.html", startUrl);
  url.searchParams.set("login", loginId);
  return url.toString();
}

/** Where the bridge page goes: the login's start address, or the last page with the reason. */
export function nextLocation(search: string): string {
  const loginId = new URLSearchParams(search).get("login");
  if (loginId && LOGIN_ID.test(loginId)) return `/auth/logins/${loginId}/start`;
  return "/auth-complete.html?status=error&code=login_not_found";
}

/** Waits for Office.js (at most OFFICE_READY_WAIT_MS), then goes on; resolves with where it went. */
export async function continueWhenReady(
  search: string,
  ready: () => Promise<unknown>,
  go: (location: string) => void,
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, OFFICE_READY_WAIT_MS)));
  await Promise.race([ready().catch(() => undefined), limit]);
  clearTimeout(timer);
  const next = nextLocation(search);
  go(next);
  return next;
}
