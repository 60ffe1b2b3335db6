/**
 * The README's platform statements and docs/functions.md's "Platform notes" say the same, and the notes
 * name the requirement sets the code actually checks.
 */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../support/manifest";
import { FORMATTED_RESULTS_SET } from "../../src/addin/functions/spill";

const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const functionsDoc = fs.readFileSync(path.join(ROOT, "docs/functions.md"), "utf8");
const notes = functionsDoc.slice(functionsDoc.indexOf("## Platform notes"));
const source = (file: string) => fs.readFileSync(path.join(ROOT, "src/addin", file), "utf8");

test("docs/functions.md has Platform notes, and the README points at them", () => {
  expect(notes.startsWith("## Platform notes")).toBe(true);
  expect(readme).toContain("(docs/functions.md#platform-notes)");
});

test("README and the notes name the same platforms, supported and not", () => {
  const intro = readme.slice(0, readme.indexOf("## Quick start"));
  for (const platform of ["web", "Windows", "Mac", "Office 2021/2024", "2016/2019", "iPad"]) {
    expect({ platform, readme: intro.includes(platform) }).toEqual({ platform, readme: true });
    const inNotes = notes.includes(platform) || notes.includes(platform.replace("/", " / "));
    expect({ platform, notes: inNotes }).toEqual({ platform, notes: true });
  }
});

test("the notes name every requirement set the code checks", () => {
  const checked = new Set<string>();
  for (const file of ["functions/spill.ts", "commands/actions.ts", "excel/recalculate.ts"]) {
    for (const [, set, version] of source(file).matchAll(/isSetSupported\("(\w+)", "([\d.]+)"\)/g)) {
      checked.add(`${set} ${version}`);
    }
  }
  checked.add(`${FORMATTED_RESULTS_SET.name} ${FORMATTED_RESULTS_SET.version}`);
  expect([...checked].sort()).toEqual(["CustomFunctionsRuntime 1.4", "ExcelApi 1.12", "ExcelApi 1.9"]);
  for (const set of checked)
    expect({ set, documented: notes.includes(set) }).toEqual({ set, documented: true });
  expect(notes).toContain("SharedRuntime 1.1");
  expect(notes).toMatch(/Where `0` is read as FALSE: nowhere/);
});

test("the notes name the requirement sets the manifest declares, as declared in the manifest", () => {
  const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const requirements = manifest.slice(
    manifest.indexOf("<Requirements>"),
    manifest.indexOf("</Requirements>"),
  );
  const declared = [...requirements.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map(
    ([, set, version]) => `${set} ${version} (in the manifest)`,
  );
  expect(declared.sort()).toEqual([
    "CustomFunctionsRuntime 1.2 (in the manifest)",
    "SharedRuntime 1.1 (in the manifest)",
  ]);
  for (const set of declared)
    expect({ set, documented: notes.includes(set) }).toEqual({ set, documented: true });
});
