/**
 * Which folders of a source tree import which: each module counts as its top folder under the root
 * (routes/api/v1 counts as routes/), or as itself when it sits at the root. For the folder rules of
 * the gateway and the add-in (no cycles, leaves that import nothing of their siblings).
 */
import fs from "node:fs";
import path from "node:path";

const IMPORT = /(?:^|\n)\s*(?:import|export)[^"';]*?from\s+"(\.{1,2}\/[^"]+)"/g;

/** A module's unit: its top folder under `root` ("data/"), or the file itself ("events"). */
export function unitOf(root: string, file: string): string {
  const relative = path.relative(root, file);
  const [first, ...rest] = relative.split(path.sep);
  return rest.length > 0 ? `${first}/` : first.replace(/\.tsx?$/, "");
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** unit → the units it imports (imports leaving `root` are left out). */
export function folderGraph(root: string): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    const from = unitOf(root, file);
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const match of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), match[1]);
      if (!target.startsWith(root + path.sep)) continue; // src/shared, src/simulator, package.json
      const folder = fs.existsSync(target) && fs.statSync(target).isDirectory();
      const to = unitOf(root, folder ? path.join(target, "index.ts") : `${target}.ts`);
      if (to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Every cycle's path, found by depth-first search. */
export function cycles(graph: Map<string, Set<string>>): string[] {
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
