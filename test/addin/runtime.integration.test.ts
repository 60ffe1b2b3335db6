/**
 * The shared runtime is one webpack module graph: taskpane.html (the manifest's page for the runtime,
 * the functions and the ribbon) loads one script of ours, the functions.js the manifest's <Script>
 * names, and that script carries the functions, the ribbon commands and the pane's entry, so every
 * module exists once on the page. Reads the build in dist/ (`npm test` builds it first).
 */
import fs from "node:fs";
import path from "node:path";

const DIST = path.join(__dirname, "../../dist");
const read = (file: string) => fs.readFileSync(path.join(DIST, file), "utf8");

function localScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((match) => match[1])
    .filter((src) => !/^https?:/.test(src));
}

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`No built add-in in ${DIST}: run "npm run build:addin" first.`);
  }
});

test("taskpane.html loads exactly one script of ours: the functions.js the manifest names", () => {
  expect(localScripts(read("taskpane.html"))).toEqual(["functions.js"]);
  const manifest = read("manifest.xml");
  expect(manifest).toMatch(/<bt:Url id="Functions.Script.Url" DefaultValue="[^"]*\/functions\.js"\/>/);
  expect(manifest).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="[^"]*\/functions\.json"/);
  expect(JSON.parse(read("functions.json")).functions.length).toBeGreaterThanOrEqual(10);
});

test("functions.js carries the functions, the ribbon commands and the pane, whose UI is a lazy chunk", () => {
  const script = read("functions.js");
  const metadata = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
  for (const { id } of metadata.functions) expect(script).toContain(`"${id}"`); // the associate calls
  for (const command of ["refreshAll", "insertAccessReviewSheet", "showTaskpane", "signOut"]) {
    expect(script).toContain(command);
  }
  const paneChunk = fs.readdirSync(DIST).find((file) => /^taskpane-ui\..*js$|^taskpane-ui\.js$/.test(file));
  expect(paneChunk).toBeDefined();
  expect(script).toContain("taskpane-ui");
  expect(script).not.toContain("createRoot"); // React stays in the lazy chunk
});
