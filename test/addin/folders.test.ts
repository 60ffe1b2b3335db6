/**
 * The add-in's folders depend on each other in one direction only: the task pane and the ribbon on top,
 * the Office adapter and the texts at the bottom. No folder imports one that imports it back, and
 * i18n is a leaf: it imports nothing from the add-in's other folders.
 */
import path from "node:path";
import { cycles, folderGraph } from "../support/folderGraph";

const ROOT = path.join(__dirname, "../../src/addin");

test("no import cycles between the add-in's folders", () => {
  const graph = folderGraph(ROOT);
  expect(graph.get("commands/")).toContain("office/"); // the scan sees imports at all
  expect(cycles(graph)).toEqual([]);
});

test("i18n imports nothing from the add-in's other folders", () => {
  expect([...(folderGraph(ROOT).get("i18n/") ?? [])]).toEqual([]);
});

test("the Office adapter imports only the texts (for the host's display language)", () => {
  expect([...(folderGraph(ROOT).get("office/") ?? [])].sort()).toEqual(["i18n/"]);
});
