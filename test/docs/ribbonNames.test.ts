/** docs/functions.md names the ribbon's buttons exactly as the manifest labels them. */
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";

const ROOT = path.join(__dirname, "../..");

/** Labels of the manifest's ribbon buttons (ShortStrings referenced by a Control's Label). */
function manifestButtonLabels(): string[] {
  const xml = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const ids = [...xml.matchAll(/<Control\b[\s\S]*?<Label resid="([^"]+)"/g)].map((match) => match[1]);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as unknown;
  const strings = new Map<string, string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object") {
      const record = node as Record<string, unknown>;
      if (typeof record.id === "string" && typeof record.DefaultValue === "string")
        strings.set(record.id, record.DefaultValue);
      Object.values(record).forEach(walk);
    }
  };
  walk(parsed);
  return [...new Set(ids.map((id) => strings.get(id) ?? `missing string ${id}`))];
}

/** Bold names in the first column of the "Ribbon actions" table, "A / B" meaning two buttons. */
function documentedButtons(): string[] {
  const markdown = fs.readFileSync(path.join(ROOT, "docs/functions.md"), "utf8");
  const section = markdown.slice(markdown.indexOf("## Ribbon actions"));
  return [...section.matchAll(/^\| \*\*(.+?)\*\* +\|/gm)].flatMap((match) => match[1].split(" / "));
}

test("every ribbon button is documented under the manifest's own label, and nothing else", () => {
  const labels = manifestButtonLabels();
  expect(labels.length).toBeGreaterThanOrEqual(5);
  expect([...documentedButtons()].sort()).toEqual([...labels].sort());
});
