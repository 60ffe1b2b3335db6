import fs from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { ROOT, MANIFEST_PATH, parseManifest, walk, asArray } from "../support/manifest";
import packageJson from "../../package.json";
import { DUTCH_FUNCTION_LOCALES } from "../../src/addin/functionNamespace";
import { localizeMetadata } from "../../src/shared/functions/localizedMetadata";
import { manifestVersion } from "../../src/shared/manifestIdentity";
import { DEV_BASE_URL } from "../../src/shared/manifestUrls";

const manifest = parseManifest();
const nodes = walk(manifest);
const xml = fs.readFileSync(MANIFEST_PATH, "utf8");

function resourceIds(kind: "Images" | "Urls" | "ShortStrings" | "LongStrings"): Map<string, string> {
  const resources = nodes.find((n) => n.name === "Resources")!.node;
  const group = resources[kind] as Record<string, unknown>;
  const items = asArray(
    group[kind === "Images" ? "Image" : kind === "Urls" ? "Url" : "String"] as Record<string, string>[],
  );
  return new Map(items.map((item) => [item["@id"], item["@DefaultValue"]]));
}

function allResids(): string[] {
  return nodes.flatMap(({ node }) => (typeof node["@resid"] === "string" ? [node["@resid"] as string] : []));
}

const host = nodes.find(
  (n) => n.name === "Host" && n.node["@type"] === "Workbook" && "Runtimes" in n.node,
)!.node;
const runtime = (host.Runtimes as Record<string, Record<string, string>>).Runtime;
const customFunctions = asArray(
  (host.AllFormFactors as Record<string, unknown>).ExtensionPoint as Record<string, unknown>[],
).find((e) => e["@type"] === "CustomFunctions")!;
const desktop = host.DesktopFormFactor as Record<string, unknown>;

describe("manifest.xml", () => {
  test("is a task pane add-in named EOL for Excel in English and Dutch", () => {
    const app = manifest.OfficeApp as Record<string, unknown>;
    const name = app.DisplayName as Record<string, unknown>;
    expect(name["@DefaultValue"]).toBe("EOL for Excel");
    const nameOverrides = asArray(name.Override as Record<string, string>[]);
    expect(nameOverrides.map((o) => o["@Locale"])).toEqual(["nl-NL", "nl-BE"]);
    expect((app.Description as Record<string, unknown>).Override).toBeDefined();
  });

  test("gives Belgian Dutch (nl-BE) the same Dutch texts as nl-NL, so the ribbon matches the pane's language", () => {
    // The add-in treats every nl-* display language as Dutch; without nl-BE overrides a Flemish Office
    // would show English buttons beside Dutch messages.
    const overrides = nodes.flatMap((n) => asArray(n.node.Override as Record<string, string>[]));
    const byLocale = (locale: string) =>
      overrides.filter((o) => o["@Locale"] === locale).map((o) => o["@Value"]);
    expect(byLocale("nl-NL").length).toBeGreaterThan(10);
    expect(byLocale("nl-BE")).toEqual(byLocale("nl-NL"));
  });

  test("requires SharedRuntime 1.1 and CustomFunctionsRuntime 1.2 in the base manifest, and declares one long-lived runtime", () => {
    // In the base manifest Office does not install the add-in where a set is missing (Requirements
    // element docs); CustomFunctions.Error with a message, used in every error cell, is CFR 1.2.
    const sets = asArray(
      ((manifest.OfficeApp as Record<string, Record<string, Record<string, unknown>>>).Requirements.Sets
        .Set ?? []) as Record<string, string>[],
    ).map((set) => `${set["@Name"]} ${set["@MinVersion"]}`);
    expect(sets.sort()).toEqual(["CustomFunctionsRuntime 1.2", "SharedRuntime 1.1"]);
    expect(runtime["@lifetime"]).toBe("long");
  });

  test("carries package.json's version as its four-part Version, 1.0.0.0 or later", () => {
    const version = (manifest.OfficeApp as Record<string, unknown>).Version;
    expect(version).toBe(manifestVersion(packageJson.version));
    expect(Number(String(version).split(".")[0])).toBeGreaterThanOrEqual(1);
  });

  test("points Dutch Office (nl-NL, nl-BE) at the Dutch functions metadata, help and support pages", () => {
    const urls = nodes.filter(
      (n) => n.name === "Url" && asArray(n.node.Override as Record<string, string>[]).length,
    );
    const dutch = (id: string) =>
      asArray(urls.find((n) => n.node["@id"] === id)!.node.Override as Record<string, string>[]).map(
        (o) => `${o["@Locale"]} ${o["@Value"]}`,
      );
    expect(dutch("Functions.Metadata.Url")).toEqual([
      `nl-NL ${DEV_BASE_URL}/functions-nl.json`,
      `nl-BE ${DEV_BASE_URL}/functions-nl.json`,
    ]);
    // The add-in writes formulas with the Dutch names exactly where Excel loads the Dutch metadata.
    expect(DUTCH_FUNCTION_LOCALES.map((locale) => `${locale} ${DEV_BASE_URL}/functions-nl.json`)).toEqual(
      dutch("Functions.Metadata.Url"),
    );
    expect(dutch("Help.Url")).toEqual([
      `nl-NL ${DEV_BASE_URL}/help/nl/index.html`,
      `nl-BE ${DEV_BASE_URL}/help/nl/index.html`,
    ]);
    const support = (manifest.OfficeApp as Record<string, Record<string, unknown>>).SupportUrl;
    expect(support["@DefaultValue"]).toBe(`${DEV_BASE_URL}/help/en/support.html`);
    expect(asArray(support.Override as Record<string, string>[]).map((o) => o["@Value"])).toEqual([
      `${DEV_BASE_URL}/help/nl/support.html`,
      `${DEV_BASE_URL}/help/nl/support.html`,
    ]);
  });

  test("uses the same resid for the Runtime, the functions Page and the FunctionFile", () => {
    const page = (customFunctions.Page as Record<string, Record<string, string>>).SourceLocation["@resid"];
    const functionFile = (desktop.FunctionFile as Record<string, string>)["@resid"];
    expect(page).toBe(runtime["@resid"]);
    expect(functionFile).toBe(runtime["@resid"]);
  });

  test("declares the custom functions Script, Page, Metadata and namespace EOL", () => {
    const urls = resourceIds("Urls");
    const short = resourceIds("ShortStrings");
    const resid = (key: string) =>
      (customFunctions[key] as Record<string, Record<string, string>>).SourceLocation["@resid"];
    expect(urls.get(resid("Script"))).toMatch(/\/functions\.js$/);
    expect(urls.get(resid("Metadata"))).toMatch(/\/functions\.json$/);
    expect(urls.get(resid("Page"))).toMatch(/\/taskpane\.html$/);
    expect(short.get((customFunctions.Namespace as Record<string, string>)["@resid"])).toBe("EOL");
  });

  test("has an Exact Online ribbon tab with Show task pane and Refresh all", () => {
    const short = resourceIds("ShortStrings");
    const tab = nodes.find((n) => n.name === "CustomTab")!.node;
    expect(short.get((tab.Label as Record<string, string>)["@resid"])).toBe("Exact Online");
    const labels = nodes
      .filter((n) => n.name === "Control")
      .map((c) => short.get((c.node.Label as Record<string, string>)["@resid"]));
    expect(labels).toEqual(expect.arrayContaining(["Show task pane", "Refresh all"]));
    // A shared runtime supports one task pane: no TaskpaneId under the shared host.
    expect(xml).not.toContain("TaskpaneId");
  });

  test("defines every resid it uses, each at most 32 characters", () => {
    const defined = new Set([
      ...resourceIds("Images").keys(),
      ...resourceIds("Urls").keys(),
      ...resourceIds("ShortStrings").keys(),
      ...resourceIds("LongStrings").keys(),
    ]);
    const used = allResids();
    expect(used.length).toBeGreaterThan(10);
    for (const resid of used) {
      expect(defined).toContain(resid);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
  });

  test("keeps ShortStrings within 125 and LongStrings within 250 characters, overrides included", () => {
    const strings = (kind: "ShortStrings" | "LongStrings") =>
      nodes
        .filter((n) => n.name === kind)
        .flatMap((n) => asArray(n.node.String as Record<string, unknown>[]))
        .flatMap((s) => [
          s["@DefaultValue"] as string,
          ...asArray(s.Override as Record<string, string>[]).map((o) => o["@Value"]),
        ]);
    expect(strings("ShortStrings").length).toBeGreaterThan(5);
    for (const s of strings("ShortStrings")) expect(s.length).toBeLessThanOrEqual(125);
    for (const s of strings("LongStrings")) expect(s.length).toBeLessThanOrEqual(250);
  });

  test("says what Sign out does: every workbook here, but on the web each site keeps its own sign-in", () => {
    const tip = resourceIds("LongStrings").get("SignOut.Tip")!;
    expect(tip).toMatch(/every workbook/);
    expect(tip).not.toMatch(/in this workbook\.$/);
    // Storage is partitioned per top-level site on the web (the token is under Office's partitionKey).
    expect(tip).toMatch(/Excel on the web each site .*keeps its own sign-in/);
    expect(xml).toMatch(/Value="Meld u af bij Exact Online in elke werkmap/);
    expect(xml).toMatch(/In Excel op het web heeft elke site .*een eigen aanmelding/);
  });

  test("uses only https URLs", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  test("associates every ribbon FunctionName with a handler in src", () => {
    const names = nodes
      .filter((n) => n.name === "Action" && n.node["@type"] === "ExecuteFunction")
      .map((n) => n.node.FunctionName as string);
    expect(names).toEqual(expect.arrayContaining(["refreshAll"]));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { RIBBON_COMMANDS } = require("../../src/addin/commands/ribbonCommands") as {
      RIBBON_COMMANDS: Record<string, unknown>;
    };
    for (const name of names) expect(typeof RIBBON_COMMANDS[name]).toBe("function");
    const commandsSource = fs.readFileSync(path.join(ROOT, "src/addin/commands/commands.ts"), "utf8");
    expect(commandsSource).toMatch(/associateCommand\(id,/);
  });

  test("points every icon at a PNG of the declared size in assets/", () => {
    for (const [id, url] of resourceIds("Images")) {
      const size = Number(/(\d+)x\d+$/.exec(id)![1]);
      const file = path.join(ROOT, "assets", path.basename(new URL(url).pathname));
      const png = fs.readFileSync(file);
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
    const hiRes = (manifest.OfficeApp as Record<string, Record<string, string>>).HighResolutionIconUrl[
      "@DefaultValue"
    ];
    expect(fs.readFileSync(path.join(ROOT, "assets", path.basename(hiRes))).readUInt32BE(16)).toBe(64);
  });
});

describe("functions.json generated from functions.ts and the function catalogue", () => {
  const source = path.join(ROOT, "src/addin/functions/functions.ts");

  test("contains every @customfunction in functions.ts with its parameters described", async () => {
    const declared = [...fs.readFileSync(source, "utf8").matchAll(/@customfunction\s+([A-Z.]+)/g)].map(
      (m) => m[1],
    );
    expect(declared).toContain("VERSION");
    const { metadataJson } = await generateCustomFunctionsMetadata([source]);
    const metadata = JSON.parse(localizeMetadata(metadataJson, "en", DEV_BASE_URL)) as {
      functions: { id: string; description?: string; parameters: { description?: string }[] }[];
    };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...declared].sort());
    for (const fn of metadata.functions) {
      expect(fn.description).toBeTruthy();
      for (const parameter of fn.parameters) expect(parameter.description).toBeTruthy();
    }
  });
});
