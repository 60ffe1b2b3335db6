/**
 * A built test gateway (buildTestGateway) has the URL http://127.0.0.1:0 and no socket: a plain fetch
 * there can only fail. Say why, instead of a bare "fetch failed" (jest setupFiles, every suite).
 */
const realFetch = globalThis.fetch;

if (realFetch) {
  globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (/^https?:\/\/127\.0\.0\.1:0(\/|$)/.test(url)) {
      return Promise.reject(
        new TypeError(`${url}: a built test gateway has no socket; call gateway.fetch(…) to reach it`),
      );
    }
    return realFetch(input, init);
  };
}
