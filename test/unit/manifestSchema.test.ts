/**
 * manifest.xml and the built dist/manifest.xml against Microsoft's XML schema for add-in manifests
 * (with the shared-runtime elements from [MS-OWEMXML]), using xmllint. CI has the schema files in
 * ../shared/reference/manifest-xsd next to the clone; EOL_MANIFEST_XSD_DIR points elsewhere.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { MANIFEST_PATH, ROOT } from "../support/manifest";

const SCHEMA_DIR =
  process.env.EOL_MANIFEST_XSD_DIR || path.resolve(ROOT, "..", "shared", "reference", "manifest-xsd");
const SCHEMA = path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd");
const BUILT_MANIFEST = path.join(ROOT, "dist", "manifest.xml");

/** xmllint's verdict on one manifest: ok, or its complaint. */
function validate(file: string): { ok: boolean; output: string } {
  const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (run.error) throw new Error(`xmllint could not run (install libxml2-utils): ${run.error.message}`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

if (fs.existsSync(SCHEMA)) {
  describe("manifest schema (xmllint)", () => {
    test("manifest.xml validates", () => {
      expect(validate(MANIFEST_PATH)).toEqual({ ok: true, output: `${MANIFEST_PATH} validates` });
    });

    test("the built dist/manifest.xml validates (npm test builds it first)", () => {
      expect(fs.existsSync(BUILT_MANIFEST)).toBe(true);
      expect(validate(BUILT_MANIFEST)).toEqual({ ok: true, output: `${BUILT_MANIFEST} validates` });
    });

    test("the check catches a broken manifest: misplaced tab label, over-long resid, no Permissions", () => {
      const xml = fs.readFileSync(MANIFEST_PATH, "utf8");
      const broken = {
        label: xml.replace(
          '<Group id="EolGroupData">',
          '<Label resid="Tab.Label"/>\n              <Group id="EolGroupData">',
        ),
        resid: xml.replaceAll("Taskpane.Url", "Taskpane.Url.With.A.Much.Too.Long.Resource.Id"),
        permissions: xml.replace("<Permissions>ReadWriteDocument</Permissions>", ""),
      };
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "eol-manifest-"));
      try {
        for (const [name, text] of Object.entries(broken)) {
          expect(text).not.toBe(xml);
          const file = path.join(dir, `${name}.xml`);
          fs.writeFileSync(file, text);
          const verdict = validate(file);
          expect({ name, ok: verdict.ok }).toEqual({ name, ok: false });
          expect(verdict.output).toMatch(/fails to validate/);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
} else {
  test("manifest schema: NOT CHECKED, the schema folder is missing", () => {
    console.warn(
      [
        "!".repeat(100),
        `!! manifest.xml was NOT validated against Microsoft's schema: ${SCHEMA} is missing.`,
        "!! CI has it in ../shared/reference/manifest-xsd next to the clone; set EOL_MANIFEST_XSD_DIR to use another copy.",
        "!".repeat(100),
      ].join("\n"),
    );
    expect(fs.existsSync(SCHEMA_DIR)).toBe(false);
  });
}
