import fs from "node:fs";
import { rewriteManifestUrls, DEV_BASE_URL } from "../../src/shared/manifestUrls";
import { MANIFEST_PATH, parseManifest } from "../support/manifest";

describe("rewriteManifestUrls", () => {
  const xml = fs.readFileSync(MANIFEST_PATH, "utf8");

  test("replaces every dev URL, not just the first", () => {
    const count = xml.split(DEV_BASE_URL).length - 1;
    expect(count).toBeGreaterThan(20);
    const out = rewriteManifestUrls(xml, "https://eol.example.com/addin/");
    expect(out).not.toContain("localhost");
    expect(out.split("https://eol.example.com/addin").length - 1).toBe(count);
    expect(out).toContain('<SourceLocation DefaultValue="https://eol.example.com/addin/taskpane.html"/>');
    // An AppDomain may not carry a path, and repeating SourceLocation's domain there does nothing
    // (docs: AppDomain element), so the manifest has none, not even after a rewrite to a path URL.
    expect(out).not.toContain("AppDomain");
    expect(() => parseManifest(out)).not.toThrow();
  });

  test.each([
    "eol.example.com",
    "ftp://eol.example.com",
    "https://eol.example.com/?x=1",
    "https://eol.example.com/#a",
    "javascript:alert(1)",
  ])("rejects %s", (bad) => {
    expect(() => rewriteManifestUrls(xml, bad)).toThrow(/base URL/);
  });

  test("the webpack production build applies it to dist/manifest.xml", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const makeConfig = require("../../webpack.config.js") as (
      env: object,
      argv: object,
    ) => { plugins: { patterns?: { to: string; transform?: (c: Buffer) => string }[] }[] };
    const config = makeConfig({ publicUrl: "https://eol.example.com" }, { mode: "production" });
    const copy = config.plugins.find((p) => p.patterns)!;
    const manifestPattern = copy.patterns!.find((p) => p.to === "manifest.xml")!;
    const out = manifestPattern.transform!(Buffer.from(xml));
    expect(out).not.toContain(DEV_BASE_URL);
    expect(out).toContain("https://eol.example.com/functions.json");
  });
});
