/**
 * The ribbon's buttons are labelled by manifest.xml (English, with nl-NL and identical nl-BE overrides), and the add-in's
 * messages about a button ("Clear cache: not done") name it from the i18n catalogue: the two agree in
 * both languages, for every button.
 */
import { asArray, parseManifest, walk } from "../../support/manifest";
import { en } from "../../../src/addin/i18n/en";
import { nl } from "../../../src/addin/i18n/nl";
import { RIBBON_COMMANDS } from "../../../src/addin/commands/ribbonCommands";

type Node = Record<string, unknown>;
const nodes = walk(parseManifest());

/** Each short string of the manifest: its English text and its Dutch override. */
function shortStrings(): Map<string, { en: string; nl: string | undefined }> {
  const resources = nodes.find((n) => n.name === "ShortStrings")!.node;
  return new Map(
    asArray(resources.String as Node[]).map((item) => {
      const dutch = asArray(item.Override as Node[]).find((o) => o["@Locale"] === "nl-NL");
      return [
        item["@id"] as string,
        { en: item["@DefaultValue"] as string, nl: dutch?.["@Value"] as string | undefined },
      ];
    }),
  );
}

/** Every ribbon button: the command it runs (FunctionName, or showTaskpane) and its label's resid. */
function buttons(): { command: string; resid: string }[] {
  return nodes
    .filter((n) => n.name === "Control")
    .map(({ node }) => {
      const action = node.Action as Node;
      const command =
        action["@type"] === "ShowTaskpane" ? "showTaskpane" : (action.FunctionName as string | undefined);
      return { command: command ?? "?", resid: (node.Label as Node)["@resid"] as string };
    });
}

test("every ribbon button's label in English and Dutch is the catalogue's, and every command has a button", () => {
  const strings = shortStrings();
  const found = buttons();
  expect(found.map((button) => button.command).sort()).toEqual(Object.keys(RIBBON_COMMANDS).sort());
  for (const { command, resid } of found) {
    const key = command as keyof typeof en.ribbonButtons;
    expect({ command, ...strings.get(resid) }).toEqual({
      command,
      en: en.ribbonButtons[key],
      nl: nl.ribbonButtons[key],
    });
  }
});
