/**
 * What Office reads from a gateway: the manifest (with the gateway's URL, version and, when configured,
 * its own Id, name and namespace), schema-valid for every configuration; every image it names without
 * any Cache-Control; and every link in it and in both functions JSONs answering 200. Needs the built
 * add-in (npm run build:addin).
 */
import { buildTestGateway, type TestGateway } from "../../support/gateway";
import { parseManifest, walk } from "../../support/manifest";
import { validateManifestText } from "../../support/manifestSchema";

const OWN = {
  EOL_ADDIN_ID: "0f5c2d8e-4b7a-4e1f-9c3d-2a6b8e4f7c10",
  EOL_ADDIN_NAME: "EOL test & <acceptance>",
  EOL_FUNCTION_NAMESPACE: "eoltest",
};

let plain: TestGateway;
let own: TestGateway;

beforeAll(async () => {
  plain = await buildTestGateway();
  own = await buildTestGateway(OWN);
});
afterAll(async () => {
  await plain?.close();
  await own?.close();
});

async function served(gateway: TestGateway, path: string): Promise<string> {
  const res = await gateway.fetch(`${gateway.url}${path}`);
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  return res.text();
}

/** Every URL in the manifest's attributes (xmlns declarations are names, not links). */
function manifestUrls(xml: string): string[] {
  return [...xml.matchAll(/(?:DefaultValue|Value)="(https?:\/\/[^"]+)"/g)].map((m) =>
    m[1].replaceAll("&amp;", "&"),
  );
}

/** The images the manifest names: IconUrl, HighResolutionIconUrl and every bt:Image. */
function imageUrls(xml: string): string[] {
  const nodes = walk(parseManifest(xml));
  return nodes
    .filter((n) => ["IconUrl", "HighResolutionIconUrl", "Image"].includes(n.name))
    .flatMap((n) => [n.node["@DefaultValue"], n.node["@Value"]])
    .filter((url): url is string => typeof url === "string");
}

describe.each([
  ["the default gateway", () => plain],
  ["a gateway with its own Id, name and namespace", () => own],
])("%s", (_name, gateway) => {
  test("every image the manifest names is served without any Cache-Control header", async () => {
    const xml = await served(gateway(), "/manifest.xml");
    const images = [...new Set(imageUrls(xml))];
    expect(images.length).toBeGreaterThanOrEqual(10);
    for (const url of images) {
      const res = await gateway().fetch(url);
      expect({ url, status: res.status, type: res.headers.get("content-type") }).toEqual({
        url,
        status: 200,
        type: "image/png",
      });
      expect({ url, cacheControl: res.headers.get("cache-control") }).toEqual({ url, cacheControl: null });
    }
  });

  test("every link in the manifest and in both functions JSONs answers 200 from this gateway", async () => {
    const xml = await served(gateway(), "/manifest.xml");
    const links = manifestUrls(xml);
    for (const file of ["/functions.json", "/functions-nl.json"]) {
      const metadata = JSON.parse(await served(gateway(), file)) as { functions: { helpUrl: string }[] };
      links.push(...metadata.functions.map((fn) => fn.helpUrl));
    }
    expect(links.filter((url) => !url.startsWith(`${gateway().url}/`))).toEqual([]);
    expect(links).toEqual(
      expect.arrayContaining([
        `${gateway().url}/functions-nl.json`,
        `${gateway().url}/help/nl/support.html`,
        `${gateway().url}/help/nl/functions/roleholders.html`,
      ]),
    );
    for (const url of new Set(links)) {
      const res = await gateway().fetch(url);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
    }
  });

  test("the manifest passes xmllint against Microsoft's schema", async () => {
    const xml = await served(gateway(), "/manifest.xml");
    expect(validateManifestText(xml)).toBe(true);
  });
});

test("the default gateway serves the repository's Id, names and namespace", async () => {
  const xml = await served(plain, "/manifest.xml");
  expect(xml).toContain("<Id>5f0c6f2e-8d3b-4c0e-9a57-3e1d2b7c4a91</Id>");
  expect(xml).toContain('<DisplayName DefaultValue="EOL for Excel">');
  expect(xml).toContain('<bt:String id="Functions.Namespace" DefaultValue="EOL"/>');
  expect(xml).toContain("<Version>1.0.0.0</Version>");
});

test("a configured gateway serves its own Id, name (escaped) and namespace, in the formulas it shows too", async () => {
  const xml = await served(own, "/manifest.xml");
  expect(xml).toContain(`<Id>${OWN.EOL_ADDIN_ID}</Id>`);
  expect(xml).toContain('<DisplayName DefaultValue="EOL test &amp; &lt;acceptance&gt;"/>');
  expect(xml).toContain('<bt:String id="Tab.Label" DefaultValue="EOL test &amp; &lt;acceptance&gt;"/>');
  expect(xml).toContain('<bt:String id="Functions.Namespace" DefaultValue="EOLTEST"/>');
  expect(xml).toContain("=EOLTEST.DIVISIONS()");
  expect(xml).toContain("=EOLTEST.ADMINISTRATIES()");
  expect(xml).not.toMatch(/=EOL\./);
  expect(xml).not.toContain("5f0c6f2e-8d3b-4c0e-9a57-3e1d2b7c4a91");
  const page = await served(own, "/help/en/functions/divisions.html");
  expect(page).toContain("=EOLTEST.DIVISIONS(");
});

test("the runtime page declares the gateway's namespace, so Refresh all finds its formulas", async () => {
  expect(await served(own, "/taskpane.html")).toContain(
    '<meta name="eol-function-namespace" content="EOLTEST"',
  );
  // The build minifies the page (no quotes); the gateway leaves the default alone.
  expect(await served(plain, "/taskpane.html")).toMatch(
    /<meta name="?eol-function-namespace"? content="?EOL"?>/,
  );
});
