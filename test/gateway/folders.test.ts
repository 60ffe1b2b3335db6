/**
 * The gateway's folders as its architecture draws them: each folder (or file still at the root) may
 * import only what its row in this table lists. The table itself has no cycles, so neither have the
 * imports; a folder or root file the table does not know fails until it is given its place.
 */
import path from "node:path";
import { cycles, folderGraph } from "../support/folderGraph";

const ROOT = path.join(__dirname, "../../src/gateway");

/** Shared pieces every layer may use. */
const BASE = ["errors", "contracts", "config/"];

const MAY_IMPORT: Record<string, string[]> = {
  // The top: the entry point, the server start and the app from its plugins.
  main: ["start", "server/", "startup/", "config/"],
  start: ["app", "config/", "plugins/", "server/"],
  app: ["config/", "plugins/", "services/", "routes/", "server/"],
  // npm start's checks, and what surrounds the server (banner, TLS, shutdown).
  "startup/": ["config/", "store/"],
  "server/": ["config/", "startup/", "store/"],
  // Routes: a schema and one call into a service each.
  "routes/": [...BASE, "services/", "sessions/", "data/", "schemas/", "answers/", "pages/"],
  "schemas/": ["errors", "data/"],
  "pages/": ["config/"],
  // Infrastructure plugins and the service plugins that decorate the instance.
  "plugins/": [...BASE, "server/", "schemas/", "store/", "coordination/", "crypto/", "metrics/"],
  "services/": [
    ...BASE,
    "signin/",
    "sessions/",
    "tokens/",
    "data/",
    "exact/",
    "scheduler/",
    "cache/",
    "progress/",
    "demo/",
    "answers/",
    "metrics/",
    "reviews/",
  ],
  // Access reviews as evidence: snapshots, sign-off and the hash chain, on the store.
  "reviews/": [...BASE, "data/", "store/", "crypto/"],
  // Services: sign-in builds on sessions and tokens; data on the Exact client.
  "signin/": [...BASE, "sessions/", "tokens/", "exact/", "store/", "crypto/"],
  "sessions/": [...BASE, "tokens/", "exact/", "store/", "crypto/"],
  "data/": [...BASE, "exact/", "cache/", "answers/", "store/"],
  "tokens/": [...BASE, "exact/", "store/", "crypto/"],
  "exact/": [...BASE, "scheduler/", "store/"],
  // What differs between one process and several instances, chosen once: the in-process pieces or the
  // store's PostgreSQL ones behind one interface. Consumers get its members and never import it.
  "coordination/": [...BASE, "store/", "exact/", "tokens/", "cache/", "progress/", "scheduler/", "crypto/"],
  // The store implements the ports of the pieces that several instances share.
  "store/": ["config/", "crypto/", "cache/", "progress/", "scheduler/"],
  "cache/": ["contracts", "answers/"],
  "scheduler/": ["errors"],
  "answers/": ["errors"],
  "metrics/": ["contracts"],
  "config/": [],
  // Leaves.
  "crypto/": [],
  "progress/": [],
  "demo/": [],
  errors: [],
  contracts: [],
};

/** Every import the table does not allow, and every folder or root file it has no row for. */
function violations(graph: Map<string, Set<string>>, table: Record<string, string[]>): string[] {
  const found: string[] = [];
  for (const [from, targets] of graph) {
    const allowed = table[from];
    if (!allowed) {
      found.push(`${from} has no row in the table: give it its place in the architecture`);
      continue;
    }
    for (const to of targets) if (!allowed.includes(to)) found.push(`${from} imports ${to}`);
  }
  return found;
}

const tableGraph = (table: Record<string, string[]>) =>
  new Map(Object.entries(table).map(([from, to]) => [from, new Set(to)]));

test("every folder imports only what the table allows", () => {
  const graph = folderGraph(ROOT);
  expect(graph.get("routes/")).toContain("services/"); // the scan sees imports at all
  expect(violations(graph, MAY_IMPORT)).toEqual([]);
});

test("the table has no cycles, so neither have the imports", () => {
  expect(cycles(tableGraph(MAY_IMPORT))).toEqual([]);
});

test("the table names only folders and files that exist", () => {
  const units = new Set(folderGraph(ROOT).keys());
  const named = new Set(Object.entries(MAY_IMPORT).flatMap(([from, to]) => [from, ...to]));
  expect([...named].filter((unit) => !units.has(unit))).toEqual([]);
});

test("the checks find an import outside the table, a folder without a row, and a cycle", () => {
  const graph = new Map([
    ["exact/", new Set(["scheduler/", "sessions/"])],
    ["scheduler/", new Set(["exact/"])],
    ["nowhere/", new Set(["store/"])],
  ]);
  expect(violations(graph, MAY_IMPORT)).toEqual([
    "exact/ imports sessions/",
    "scheduler/ imports exact/",
    "nowhere/ has no row in the table: give it its place in the architecture",
  ]);
  expect(cycles(graph)).toHaveLength(1);
});
