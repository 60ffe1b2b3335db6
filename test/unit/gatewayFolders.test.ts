/**
 * The gateway's folders depend on each other in one direction only (routes → services → libraries),
 * so none of them imports a folder that imports it back.
 */
import fs from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "../../src/gateway");
const IMPORT = /(?:^|\n)\s*(?:import|export)[^"';]*?from\s+"(\.{1,2}\/[^"]+)"/g;

/** A module's unit: its top folder under src/gateway (routes/api/v1 counts as routes), or the file itself. */
function unitOf(file: string): string {
  const relative = path.relative(ROOT, file);
  const [first, ...rest] = relative.split(path.sep);
  return rest.length > 0 ? `${first}/` : first.replace(/\.ts$/, "");
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(ROOT)) {
    const from = unitOf(file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), match[1]);
      if (!target.startsWith(ROOT + path.sep)) continue; // src/shared, src/simulator, package.json
      const to = unitOf(`${target}.ts`);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle's path, found by depth-first search. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (node: string, trail: string[]): void => {
    state.set(node, "open");
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === "open")
        found.push([...trail.slice(trail.indexOf(next)), node, next].join(" → "));
      else if (!state.has(next)) visit(next, [...trail, node]);
    }
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node, []);
  return found;
}

test("no import cycles between the gateway's folders", () => {
  const graph = folderGraph();
  expect(graph.get("routes/")).toContain("data/"); // the scan sees imports at all
  expect(cycles(graph)).toEqual([]);
});

test("the check finds a cycle when there is one", () => {
  const graph = new Map([
    ["exact/", new Set(["scheduler/"])],
    ["scheduler/", new Set(["exact/"])],
  ]);
  expect(cycles(graph)).toHaveLength(1);
});
