/**
 * manifest.xml and the built dist/manifest.xml against Microsoft's XML schema for add-in manifests
 * (with the shared-runtime elements from [MS-OWEMXML]), using xmllint. The schema files live in
 * test/support/manifest-xsd (their README.txt says where they come from), so this runs on every machine.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { MANIFEST_PATH, ROOT } from "../support/manifest";

const SCHEMA = path.join(ROOT, "test", "support", "manifest-xsd", "OfficeAppManifestV1_1.xsd");
const BUILT_MANIFEST = path.join(ROOT, "dist", "manifest.xml");
const INSTALL_XMLLINT =
  "install xmllint: Debian/Ubuntu apt-get install libxml2-utils, Fedora dnf install libxml2, " +
  "macOS has it (xcode-select --install), Windows choco install xsltproc (or use WSL)";

/** xmllint's verdict on one manifest: ok, or its complaint. */
function validate(file: string): { ok: boolean; output: string } {
  const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, file], { encoding: "utf8" });
  if (run.error) throw new Error(`xmllint could not run (${run.error.message}); ${INSTALL_XMLLINT}.`);
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

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
