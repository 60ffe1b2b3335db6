/** docs/functions.md's table of Dutch function names is the function catalogue's, every function once. */
import fs from "node:fs";
import path from "node:path";
import { FUNCTION_CATALOGUE } from "../../src/shared/functions/catalogue";
import { ROOT } from "../support/manifest";

test("the In Dutch table lists every function with its catalogue name in both languages", () => {
  const doc = fs.readFileSync(path.join(ROOT, "docs/functions.md"), "utf8");
  const section = doc.slice(doc.indexOf("## In Dutch"), doc.indexOf("## Platform notes"));
  const rows = [...section.matchAll(/^\| `([A-Z]+)`\s*\| `([A-Z]+)`\s*\|$/gm)].map(([, en, nl]) => ({
    en,
    nl,
  }));
  expect(rows).toEqual(FUNCTION_CATALOGUE.map((fn) => ({ en: fn.name.en, nl: fn.name.nl })));
});
