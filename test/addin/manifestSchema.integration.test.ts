/**
 * manifest.xml and the built dist/manifest.xml against Microsoft's XML schema for add-in manifests
 * (with the shared-runtime elements from [MS-OWEMXML]), using xmllint. The schema files live in
 * test/support/manifest-xsd (their README.txt says where they come from), so this runs on every machine.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MANIFEST_PATH, ROOT } from "../support/manifest";
import { validateManifestFile as validate } from "../support/manifestSchema";

const BUILT_MANIFEST = path.join(ROOT, "dist", "manifest.xml");

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
