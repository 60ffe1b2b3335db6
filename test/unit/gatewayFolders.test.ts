/**
 * The gateway's folders depend on each other in one direction only (routes → services → libraries),
 * so none of them imports a folder that imports it back.
 */
import path from "node:path";
import { cycles, folderGraph } from "../support/folderGraph";

const ROOT = path.join(__dirname, "../../src/gateway");

test("no import cycles between the gateway's folders", () => {
  const graph = folderGraph(ROOT);
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
