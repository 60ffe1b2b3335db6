/*
 * The EOL custom functions. custom-functions-metadata-plugin generates functions.json from the JSDoc
 * below and appends a CustomFunctions.associate call for each function at build time, so this file
 * only declares them. It must stay importable with no DOM and no Office (Excel may load it either via
 * taskpane.html or functions.js).
 */
import "./outsideExcel";
import packageJson from "../../../package.json";

/**
 * The version of the EOL for Excel add-in.
 * @customfunction VERSION
 * @helpurl https://localhost:3000/help.html#functions
 * @returns The add-in version, for example "0.1.0".
 */
export function version(): string {
  return packageJson.version;
}
