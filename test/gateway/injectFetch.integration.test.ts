/**
 * The route tests' fetch (test/support/injectFetch.ts): the app's origin through inject, other origins
 * over real HTTP, redirects followed hop by hop across both; and a built test gateway never listens.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import Fastify, { type FastifyInstance } from "fastify";
import { buildTestGateway } from "../support/gateway";
import { injectFetch } from "../support/injectFetch";

const ORIGIN = "http://127.0.0.1:0";
let app: FastifyInstance;
let other: http.Server;
let otherUrl: string;
const seenByOther: http.IncomingHttpHeaders[] = [];

beforeAll(async () => {
  app = Fastify();
  app.post("/echo", async (request, reply) =>
    reply
      .header("set-cookie", ["a=1", "b=2"])
      .send({ body: request.body, type: request.headers["content-type"], host: request.headers.host }),
  );
  app.get("/empty", async (_request, reply) => reply.code(204).send());
  app.get("/away", async (_request, reply) => reply.redirect(`${otherUrl}/back`));
  app.post("/form", async (_request, reply) => reply.code(303).redirect(`${otherUrl}/back`));
  app.get("/home", async (request) => ({
    method: request.method,
    auth: request.headers.authorization ?? null,
  }));
  await app.ready();
  // The other origin answers over a real socket and sends the client back to the app's origin.
  other = http.createServer((request, response) => {
    seenByOther.push(request.headers);
    response.writeHead(302, { location: `${ORIGIN}/home` }).end();
  });
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => other.close(resolve));
});

test("a JSON body, its content type, the Host header and repeated response headers go through inject", async () => {
  const res = await injectFetch(app, ORIGIN)(`${ORIGIN}/echo`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ x: 1 }),
  });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ body: { x: 1 }, type: "application/json", host: "127.0.0.1:0" });
  expect(res.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
  expect((await injectFetch(app, ORIGIN)(`${ORIGIN}/empty`)).status).toBe(204);
});

test("redirects: manual stops at the first answer; follow goes out over HTTP and back through inject", async () => {
  const fetchIt = injectFetch(app, ORIGIN);
  const manual = await fetchIt(`${ORIGIN}/away`, { redirect: "manual" });
  expect(manual.status).toBe(302);
  expect(manual.headers.get("location")).toBe(`${otherUrl}/back`);

  seenByOther.length = 0;
  const followed = await fetchIt(`${ORIGIN}/away`, { headers: { authorization: "Bearer secret" } });
  expect(followed.redirected).toBe(true);
  expect(followed.url).toBe(`${ORIGIN}/home`);
  expect(await followed.json()).toEqual({ method: "GET", auth: null });
  expect(seenByOther).toHaveLength(1);
  // As fetch does: credentials stay with their origin.
  expect(seenByOther[0].authorization).toBeUndefined();

  const afterPost = await fetchIt(`${ORIGIN}/form`, { method: "POST", body: "a=1" });
  expect(await afterPost.json()).toMatchObject({ method: "GET" });
});

test("a built test gateway answers through inject and has no socket", async () => {
  const gateway = await buildTestGateway({ EOL_DEMO: "0" });
  try {
    expect(gateway.url).toBe(ORIGIN);
    expect(gateway.app.server.listening).toBe(false);
    expect((await gateway.fetch(`${gateway.url}/healthz`)).status).toBe(200);
    // A plain fetch there is told why it cannot work (test/support/fetchGuard.ts).
    await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow(/no socket; call gateway\.fetch/);
  } finally {
    await gateway.close();
  }
});
