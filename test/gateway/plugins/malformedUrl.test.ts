/**
 * An address with malformed percent-encoding is refused by Fastify's router before any route or hook:
 * it still answers in the JSON error shape, with the security headers every answer carries.
 */
import { buildTestGateway, type TestGateway } from "../../support/gateway";

let gateway: TestGateway;
beforeAll(async () => {
  gateway = await buildTestGateway({ EOL_DEMO: "0" });
});
afterAll(() => gateway.close());

test.each(["/%FF", "/api/v1/%E0%A4%A", "/auth/%C0", "/taskpane.html/%"])(
  "%s: 400 in the JSON error shape with the security headers",
  async (url) => {
    const answer = await gateway.app.inject({ url });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toEqual({
      error: { code: "invalid_request", message: expect.stringMatching(/malformed percent-encoding/) },
    });
    expect(answer.headers["content-type"]).toMatch(/^application\/json/);
    expect(answer.headers["content-security-policy"]).toMatch(/frame-ancestors/);
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["referrer-policy"]).toBe("no-referrer");
    expect(answer.headers["cache-control"]).toBe("no-store");
  },
);

test("bad percent-encoding in the query reaches the route, which answers in the same shape", async () => {
  const answer = await gateway.app.inject({ url: "/api/v1/query?resource=%FF%&select=%E0" });
  expect(answer.statusCode).toBe(401);
  expect(answer.json()).toMatchObject({ error: { code: "not_signed_in" } });
  expect(answer.headers["content-security-policy"]).toMatch(/frame-ancestors/);
});
