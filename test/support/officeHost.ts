/**
 * The add-in tests' one fake Office host, put behind the Office adapter (src/addin/office/host.ts)
 * instead of patched globals. A suite gives the parts it needs: `office` (context, addin, actions,
 * dialogs, settings), `excel` (Excel.run over a fake workbook: test/support/addin/excelMock.ts) or
 * `runtime` (storage); the parts it does not give are absent. Suites reset it after each test (afterEach(resetOfficeHost)).
 */
import { installOfficeHost, type OfficeHost } from "../../src/addin/office/host";

type Parts = { [K in keyof OfficeHost]?: unknown };

let fake: Parts = {};

/** Sets these parts of the fake host (undefined removes one), keeping the others. */
export function fakeOfficeHost(parts: Parts): void {
  fake = { ...fake, ...parts };
  installOfficeHost({ office: undefined, excel: undefined, runtime: undefined, ...fake } as OfficeHost);
}

/** No host at all: a plain browser tab, or Node. */
export function resetOfficeHost(): void {
  fake = {};
  installOfficeHost({ office: undefined, excel: undefined, runtime: undefined });
}
