/**
 * xmllint against Microsoft's XML schema for add-in manifests (with the shared-runtime elements from
 * [MS-OWEMXML]). CI has the schema files in ../shared/reference/manifest-xsd next to the clone;
 * EOL_MANIFEST_XSD_DIR points elsewhere.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT } from "./manifest";

export const SCHEMA_DIR =
  process.env.EOL_MANIFEST_XSD_DIR || path.resolve(ROOT, "..", "shared", "reference", "manifest-xsd");
const SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");

export const schemaAvailable = (): boolean => fs.existsSync(SCHEMA);

/** xmllint's verdict on one manifest file: ok, or its complaint. */
export function validateManifestFile(file: string): { ok: boolean; output: string } {
  const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (run.error) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
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

/** Says loudly that the schema check did not run (and why), instead of passing silently. */
export function warnSchemaMissing(what: string): void {
  console.warn(
    [
      "!".repeat(100),
      `!! ${what} was NOT validated against Microsoft's schema: ${SCHEMA} is missing.`,
      "!! CI has it in ../shared/reference/manifest-xsd next to the clone; set EOL_MANIFEST_XSD_DIR to use another copy.",
      "!".repeat(100),
    ].join("\n"),
  );
}
