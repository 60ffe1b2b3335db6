/**
 * A `fetch` that reaches one Fastify app through `app.inject()` (light-my-request: the whole request
 * pipeline — hooks, schemas, serializers — without a socket) and every other origin over real HTTP.
 * Route tests get fetch's own ergonomics (method, headers, a string/JSON/form body; `status`,
 * `headers.get`, `json()`, `text()`) and a sign-in can still be walked across origins: the gateway's
 * start URL (inject) → the simulator's authorize (real loopback HTTP) → the gateway's callback (inject).
 * Redirects are followed here, hop by hop, so each hop goes its own way.
 */
import type { FastifyInstance } from "fastify";

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);
const MAX_REDIRECTS = 20;

export function injectFetch(app: FastifyInstance, origin: string): typeof fetch {
  const injected = async (url: URL, method: string, headers: Headers, body?: Buffer): Promise<Response> => {
    const sent: Record<string, string> = { host: url.host, accept: "*/*" };
    for (const [name, value] of headers) sent[name] = value;
    const res = await app.inject({
      method: method as "GET",
      url: `${url.pathname}${url.search}`,
      headers: sent,
      payload: body,
    });
    const answerHeaders = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) answerHeaders.append(name, String(one));
    }
    const empty = NULL_BODY.has(res.statusCode) || method === "HEAD";
    return new Response(empty ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      statusText: res.statusMessage,
      headers: answerHeaders,
    });
  };

  return async (input, init) => {
    // A Request normalises the body and adds its content type, as fetch would.
    const first = new Request(input, init);
    let url = new URL(first.url);
    let method = first.method;
    const headers = new Headers(first.headers);
    let body = first.body ? Buffer.from(await first.arrayBuffer()) : undefined;
    for (let hops = 0; ; hops += 1) {
      const response =
        url.origin === origin
          ? await injected(url, method, headers, body)
          : await fetch(url, { method, headers, body, redirect: "manual" });
      const location = response.headers.get("location");
      if (first.redirect !== "follow" || !REDIRECTS.has(response.status) || !location) {
        return hops === 0 ? response : followed(response, url);
      }
      if (hops === MAX_REDIRECTS) throw new TypeError(`fetch failed: more than ${MAX_REDIRECTS} redirects`);
      const next = new URL(location, url);
      // As fetch does: 303, and 301/302 after a POST, go on as a GET without a body; credentials
      // stay with their origin.
      if (response.status === 303 || (method === "POST" && response.status < 303)) {
        method = "GET";
        body = undefined;
        headers.delete("content-type");
      }
      if (next.origin !== url.origin) headers.delete("authorization");
      url = next;
    }
  };
}

/** A followed redirect's answer says where it ended up, as fetch's does. */
function followed(response: Response, url: URL): Response {
  Object.defineProperty(response, "url", { value: url.toString() });
  Object.defineProperty(response, "redirected", { value: true });
  return response;
}
