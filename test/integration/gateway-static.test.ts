import { startTestGateway } from "../support/gateway";

let gateway: Awaited<ReturnType<typeof startTestGateway>>;

beforeAll(async () => {
  gateway = await startTestGateway();
});
afterAll(async () => {
  await gateway?.close();
});

describe("gateway serves the add-in", () => {
  test("/healthz answers ok with the version", async () => {
    const res = await fetch(`${gateway.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok", version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  test("taskpane.html loads functions, commands and task pane bundles, with a CSP allowing Office framing", async () => {
    const res = await fetch(`${gateway.url}/taskpane.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/src="?functions\.js/);
    expect(html).toMatch(/commands\.[0-9a-f]{10}\.js/);
    expect(html).toMatch(/taskpane\.[0-9a-f]{10}\.js/);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("frame-ancestors 'self' https://*.office.com");
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("cross-origin-opener-policy")).toBe("unsafe-none");
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  test("hashed bundles are immutable", async () => {
    const html = await (await fetch(`${gateway.url}/taskpane.html`)).text();
    const bundle = /(taskpane\.[0-9a-f]{10}\.js)/.exec(html)![1];
    const res = await fetch(`${gateway.url}/${bundle}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("immutable");
  });

  test("/manifest.xml is rewritten to this gateway's URL everywhere", async () => {
    const res = await fetch(`${gateway.url}/manifest.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).not.toContain("https://localhost:3000");
    expect(xml).toContain(`${gateway.url}/functions.json`);
    expect(xml).toBe(gateway.manifest);
  });

  test("functions.json lists VERSION", async () => {
    const metadata = (await (await fetch(`${gateway.url}/functions.json`)).json()) as {
      functions: { id: string }[];
    };
    expect(metadata.functions.map((f) => f.id)).toContain("VERSION");
  });

  test("unknown paths are 404", async () => {
    expect((await fetch(`${gateway.url}/nope.html`)).status).toBe(404);
  });
});
