/** docs/deploy.md's exit-code table and the codes the gateway uses stay in step. */
import fs from "node:fs";
import path from "node:path";
import { EXIT_CODES } from "../../../src/gateway/startup/exitCodes";

test("docs/deploy.md lists every exit code, and only those", () => {
  const guide = fs.readFileSync(path.resolve(__dirname, "../../../docs/deploy.md"), "utf8");
  const section = guide.split("## Start-up checks and exit codes")[1]?.split("\n## ")[0] ?? "";
  const documented = [...section.matchAll(/^\| (\d+) +\|/gm)].map((match) => Number(match[1]));
  expect(documented).toEqual(Object.values(EXIT_CODES).sort((a, b) => a - b));
});
