/** Parses manifest.xml into plain objects for the manifest checks. */
import fs from "node:fs";
import path from "node:path";
import { XMLParser } from "fast-xml-parser";

export const ROOT = path.resolve(__dirname, "..", "..");
export const MANIFEST_PATH = path.join(ROOT, "manifest.xml");

type Node = Record<string, unknown>;

export function parseManifest(xml = fs.readFileSync(MANIFEST_PATH, "utf8")): Node {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    removeNSPrefix: true,
    isArray: () => false,
  });
  return parser.parse(xml) as Node;
}

/** Every object in the tree, depth first, with the element name it was found under. */
export function walk(
  node: unknown,
  name = "",
  out: { name: string; node: Node }[] = [],
): { name: string; node: Node }[] {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, name, out);
  } else if (node && typeof node === "object") {
    out.push({ name, node: node as Node });
    for (const [key, child] of Object.entries(node as Node)) if (!key.startsWith("@")) walk(child, key, out);
  }
  return out;
}

export function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
