/** The manifest rewrites of one gateway's add-in: Version from package.json, and Id, name and namespace. */
import fs from "node:fs";
import {
  DEFAULT_ADDIN_IDENTITY,
  manifestVersion,
  withAddinIdentity,
  withManifestVersion,
  withPageNamespace,
} from "../../src/shared/manifestIdentity";
import { MANIFEST_PATH } from "../support/manifest";

const xml = fs.readFileSync(MANIFEST_PATH, "utf8");

test("package.json's version becomes a four-part manifest Version of at least 1.0.0.0", () => {
  expect(manifestVersion("1.0.0")).toBe("1.0.0.0");
  expect(manifestVersion("2.10.3-beta.1")).toBe("2.10.3.0");
  for (const bad of ["0.1.0", "1.0", "12345.0.0", "x"])
    expect(() => manifestVersion(bad)).toThrow(/1\.0\.0 or later/);
  expect(withManifestVersion(xml, "3.2.1")).toContain("<Version>3.2.1.0</Version>");
  expect(() => withManifestVersion("<OfficeApp/>", "1.0.0")).toThrow(/no Version/);
});

test("the default identity leaves the manifest as it is", () => {
  expect(withAddinIdentity(xml, DEFAULT_ADDIN_IDENTITY)).toBe(xml);
});

test("a gateway's own identity replaces the Id, the name in every language, the tab label and the namespace", () => {
  const out = withAddinIdentity(xml, {
    id: "0f5c2d8e-4b7a-4e1f-9c3d-2a6b8e4f7c10",
    displayName: 'Finance "EOL"',
    namespace: "FIN",
  });
  expect(out).toContain("<Id>0f5c2d8e-4b7a-4e1f-9c3d-2a6b8e4f7c10</Id>");
  expect(out).toContain('<DisplayName DefaultValue="Finance &quot;EOL&quot;"/>');
  expect(out).not.toContain('EOL voor Excel"/>');
  expect(out).toContain('<bt:String id="Tab.Label" DefaultValue="Finance &quot;EOL&quot;"/>');
  expect(out).toContain('<bt:String id="Functions.Namespace" DefaultValue="FIN"/>');
  expect(out).toContain("=FIN.DIVISIONS()");
  expect(out).not.toContain("=EOL.");
  // Only what belongs to the identity changed.
  expect(out.split("\n").length).toBe(xml.split("\n").length - 3);
});

test("a manifest without the element to rewrite is an error, not a silent no-op", () => {
  expect(() => withAddinIdentity("<OfficeApp/>", { ...DEFAULT_ADDIN_IDENTITY, id: "x" })).toThrow(/no Id/);
  expect(() => withAddinIdentity("<OfficeApp/>", { ...DEFAULT_ADDIN_IDENTITY, namespace: "FIN" })).toThrow(
    /no custom-function namespace/,
  );
});

test("the task pane page declares a gateway's own namespace, minified or not", () => {
  expect(withPageNamespace("<head><meta name=eol-function-namespace content=EOL><title>", "FIN")).toBe(
    '<head><meta name="eol-function-namespace" content="FIN"><title>',
  );
  expect(withPageNamespace('<meta name="eol-function-namespace" content="EOL" />', "FIN")).toBe(
    '<meta name="eol-function-namespace" content="FIN" />',
  );
  expect(withPageNamespace("<head></head>", "EOL")).toBe("<head></head>");
  expect(() => withPageNamespace("<head></head>", "FIN")).toThrow(
    /task pane page has no namespace declaration/,
  );
});
