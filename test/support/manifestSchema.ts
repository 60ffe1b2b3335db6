/**
 * xmllint against Microsoft's XML schema for add-in manifests (with the shared-runtime elements from
 * [MS-OWEMXML]), kept in the repository: test/support/manifest-xsd (its README says where it comes from).
 * Always runs: a machine without xmllint fails saying what to install.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "./manifest";

export const SCHEMA_DIR = path.join(ROOT, "test", "support", "manifest-xsd");
const SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");

const INSTALL_XMLLINT =
  "install xmllint: Debian/Ubuntu apt-get install libxml2-utils, Fedora dnf install libxml2, " +
  "macOS has it (xcode-select --install), Windows choco install xsltproc (or use WSL)";

/** xmllint's verdict on one manifest file: ok, or its complaint. */
export function validateManifestFile(file: string): { ok: boolean; output: string } {
  const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}); ${INSTALL_XMLLINT}.`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

/** The same for manifest text (written to a temporary file): true when it validates, else the complaint. */
export function validateManifestText(xml: string): true | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-manifest-"));
  try {
    const file = path.join(dir, "manifest.xml");
    fs.writeFileSync(file, xml);
    const verdict = validateManifestFile(file);
    return verdict.ok || verdict.output;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
