/**
 * What only a real socket shows: Node's HTTP parser refuses the request before Fastify routes it, and
 * the gateway's client error handler still answers in the JSON error shape (inject skips the parser).
 */
import net from "node:net";
import { startTestGateway, type TestGateway } from "../../support/gateway";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await startTestGateway({ EOL_DEMO: "0" });
});
afterAll(() => gateway?.close());

it("oversized headers are 431 in the JSON shape", async () => {
  const url = new URL(gateway.url);
  const raw = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(`GET /auth/config HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    });
    let text = "";
    socket.on("data", (chunk) => (text += chunk.toString()));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
  expect(raw).toMatch(/^HTTP\/1\.1 431 /);
  const payload = JSON.parse(raw.slice(raw.indexOf("\r\n\r\n") + 4)) as { error: { code: string } };
  expect(payload.error.code).toBe("headers_too_large");
});
