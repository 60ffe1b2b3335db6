/** This workbook's own settings (Office document settings): values the add-in keeps with the file. */
import { officeHost } from "./host";

function settings(): Office.Settings {
  const office = officeHost().office;
  if (!office?.context?.document?.settings) throw new Error("Document settings need Excel.");
  return office.context.document.settings;
}

/** The stored value, or undefined when the workbook has none. */
export function readDocumentSetting(key: string): unknown {
  return settings().get(key) ?? undefined;
}

/** Why Office could not save the settings (its own message, when it gives one). */
export class SettingsNotSavedError extends Error {
  constructor(readonly hostMessage: string | undefined) {
    super(hostMessage ?? "Office could not save the workbook's settings.");
    this.name = "SettingsNotSavedError";
  }
}

/** Stores `value` under `key` and saves the settings; rejects with SettingsNotSavedError. */
export function saveDocumentSetting(key: string, value: unknown): Promise<void> {
  const office = officeHost().office!;
  settings().set(key, value);
  return new Promise((resolve, reject) =>
    settings().saveAsync((result) =>
      result.status === office.AsyncResultStatus.Succeeded
        ? resolve()
        : reject(new SettingsNotSavedError(result.error?.message)),
    ),
  );
}
