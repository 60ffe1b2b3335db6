import fs from "node:fs";
import path from "node:path";
import { startTestGateway } from "../../support/gateway";
import { OFFICE_FRAME_ANCESTORS } from "../../../src/gateway/plugins/officeFrameAncestors";

/** The sources of the CSP's frame-ancestors directive, in order. */
function frameAncestors(csp: string): string[] {
  const directive = csp.split(";").map((part) => part.trim().split(/\s+/));
  return directive.find(([name]) => name === "frame-ancestors")!.slice(1);
}

/** CSP host-source matching for https origins: "https://*.x.com" matches subdomains of x.com only. */
function allows(sources: string[], origin: string): boolean {
  const { protocol, hostname } = new URL(origin);
  return sources.some((source) => {
    if (!source.startsWith("https://") || protocol !== "https:") return false;
    const host = source.slice("https://".length);
    return host.startsWith("*.") ? hostname.endsWith(host.slice(1)) : hostname === host;
  });
}

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

  test("taskpane.html loads the shared runtime's one script (functions, commands, pane), with a CSP allowing Office framing", async () => {
    const res = await fetch(`${gateway.url}/taskpane.html`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/src="?functions\.js/);
    const csp = res.headers.get("content-security-policy")!;
    expect(frameAncestors(csp)).toEqual([...OFFICE_FRAME_ANCESTORS]);
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com");
    expect(res.headers.get("x-frame-options")).toBeNull();
    expect(res.headers.get("cross-origin-opener-policy")).toBe("unsafe-none");
    expect(res.headers.get("cache-control")).toBe("no-cache");
  });

  test("frame-ancestors lets every Microsoft host of Excel for the web frame the add-in, and nothing else", async () => {
    const res = await fetch(`${gateway.url}/taskpane.html`);
    const sources = frameAncestors(res.headers.get("content-security-policy")!);
    // One ancestor chain per host: each frame above the add-in must be allowed.
    const hosts: Record<string, string[]> = {
      "Excel for the web, consumer OneDrive": [
        "https://onedrive.live.com",
        "https://excel.officeapps.live.com",
      ],
      "OneDrive for work or school": [
        "https://contoso-my.sharepoint.com",
        "https://excel.officeapps.live.com",
      ],
      SharePoint: ["https://contoso.sharepoint.com", "https://euc-excel.officeapps.live.com"],
      "office.com": ["https://www.office.com", "https://excel.officeapps.live.com"],
      "microsoft365.com": ["https://www.microsoft365.com", "https://excel.officeapps.live.com"],
      "cloud.microsoft": ["https://excel.cloud.microsoft", "https://excel.officeapps.live.com"],
      "Microsoft 365 app": ["https://m365.cloud.microsoft", "https://excel.officeapps.live.com"],
      Teams: ["https://teams.microsoft.com", "https://excel.officeapps.live.com"],
      "new Teams": ["https://teams.cloud.microsoft", "https://excel.officeapps.live.com"],
    };
    for (const [host, chain] of Object.entries(hosts)) {
      expect({ host, allowed: chain.every((origin) => allows(sources, origin)) }).toEqual({
        host,
        allowed: true,
      });
    }
    for (const stranger of [
      "https://evil.example.com",
      "https://office.com.evil.example",
      "http://www.office.com",
    ]) {
      expect({ stranger, allowed: allows(sources, stranger) }).toEqual({ stranger, allowed: false });
    }
  });

  test("hashed bundles are immutable", async () => {
    const html = await (await fetch(`${gateway.url}/auth-complete.html`)).text();
    const bundle = /(dialog\.[0-9a-f]{10}\.js)/.exec(html)![1];
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

  test("functions.json lists VERSION, and every help link points at this gateway", async () => {
    const res = await fetch(`${gateway.url}/functions.json`);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const metadata = (await res.json()) as { functions: { id: string; helpUrl: string }[] };
    expect(metadata.functions.map((f) => f.id)).toContain("VERSION");
    for (const fn of metadata.functions) {
      expect(fn.helpUrl).toBe(`${gateway.url}/help/en/functions/${fn.id.toLowerCase()}.html`);
    }
  });

  test("unknown paths are 404", async () => {
    expect((await fetch(`${gateway.url}/nope.html`)).status).toBe(404);
  });
});

describe("source maps", () => {
  /** A bundle's source map as the build wrote it (the bundle names it in its sourceMappingURL). */
  function sourceMapPath(): string {
    const bundle = fs
      .readdirSync(path.resolve(__dirname, "../../../dist"))
      .find((file) => /^taskpane-ui\..*\.js$/.test(file));
    expect(bundle).toBeDefined();
    return `/${bundle}.map`;
  }

  test("are not served unless EOL_SERVE_SOURCE_MAPS=1, while their bundles are", async () => {
    const map = sourceMapPath();
    expect((await fetch(`${gateway.url}${map.replace(/\.map$/, "")}`)).status).toBe(200);
    expect((await fetch(`${gateway.url}${map}`)).status).toBe(404);
    const debugging = await startTestGateway({ EOL_SERVE_SOURCE_MAPS: "1" });
    try {
      const res = await fetch(`${debugging.url}${map}`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        version: 3,
        sources: expect.arrayContaining([expect.stringContaining("src/addin/")]),
      });
    } finally {
      await debugging.close();
    }
  });
});
