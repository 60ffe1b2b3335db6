/** @jest-environment jsdom */
/**
 * The add-in knows its namespace from the page the gateway serves, so Refresh all finds the formulas of
 * a gateway with its own namespace (EOL_FUNCTION_NAMESPACE) and leaves other add-ins' alone.
 */
import { eolFormulaTest } from "../../src/addin/excel/refreshFormulas";
import { functionCall, functionNamespace, withOwnNamespace } from "../../src/addin/functionNamespace";

function pageDeclaring(content: string | null): Document {
  const doc = document.implementation.createHTMLDocument("taskpane");
  if (content !== null) {
    const meta = doc.createElement("meta");
    meta.name = "eol-function-namespace";
    meta.content = content;
    doc.head.append(meta);
  }
  return doc;
}

test("the namespace is the page's declaration, EOL without one or with a malformed one", () => {
  expect(functionNamespace(pageDeclaring("EOLTEST"))).toBe("EOLTEST");
  expect(functionNamespace(pageDeclaring(null))).toBe("EOL");
  expect(functionNamespace(pageDeclaring("EOL.X)|("))).toBe("EOL");
  expect(functionNamespace(undefined)).toBe("EOL");
});

test("Refresh all's formula test follows the namespace", () => {
  const ownNamespace = eolFormulaTest("EOLTEST");
  expect(
    ["=EOLTEST.DIVISIONS()", "=SUM(eoltest.USERS(1))", "=EOLTEST.ADMINISTRATIES()"].every(ownNamespace),
  ).toBe(true);
  expect(["=EOL.DIVISIONS()", "=MYEOLTEST.X()", '="EOLTEST.X()"'].some(ownNamespace)).toBe(false);
  expect(eolFormulaTest("EOL")("=EOL.DIVISIONS()")).toBe(true);
});

test("a formula the add-in writes names the function as the Excel of that display language knows it", () => {
  // Excel does not translate an English custom-function name written into a Dutch Excel (office-js #891).
  expect(functionCall("ROLEHOLDERS", "274", "nl-BE")).toBe("=EOL.ROLHOUDERS(274)");
  expect(functionCall("ROLEHOLDERS", "274", "nl-nl")).toBe("=EOL.ROLHOUDERS(274)");
  expect(functionCall("ROLEHOLDERS", "274", "en-US")).toBe("=EOL.ROLEHOLDERS(274)");
  expect(functionCall("ROLEHOLDERS", "274", "nl-SR")).toBe("=EOL.ROLEHOLDERS(274)"); // no override: English
  expect(functionCall("ROLEHOLDERS", "274", null)).toBe("=EOL.ROLEHOLDERS(274)");
  document.head.innerHTML = '<meta name="eol-function-namespace" content="EOLTEST">';
  try {
    expect(functionCall("DIVISIONS", "", "nl-NL")).toBe("=EOLTEST.ADMINISTRATIES()");
  } finally {
    document.head.innerHTML = "";
  }
});

test("pane texts show formulas in this gateway's namespace", () => {
  const text = "Use =EOL.USERS or =EOL.SODCONFLICTS(C2:E3); EOL for Excel stays EOL.";
  expect(withOwnNamespace(text, "EOLTEST")).toBe(
    "Use =EOLTEST.USERS or =EOLTEST.SODCONFLICTS(C2:E3); EOL for Excel stays EOL.",
  );
  expect(withOwnNamespace(text, "EOL")).toBe(text);
});
