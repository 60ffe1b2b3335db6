/*
 * Excel's CustomFunctions API: the error a cell shows, and a stand-in where Excel is absent. Outside
 * Excel (a plain browser tab, tests) there is no CustomFunctions global, yet the build appends
 * CustomFunctions.associate(...) calls to functions.ts (custom-functions-metadata-plugin), so the
 * stand-in is a global: installed when this module loads, before those calls run, so the page loads
 * without errors and the registered functions can be listed and called in previews.
 */
type Registered = Record<string, (...args: unknown[]) => unknown>;

class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
    this.name = "CustomFunctions.Error";
  }
}

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

export function installCustomFunctionsStandIn(target: typeof globalThis = globalThis): void {
  const scope = target as unknown as {
    CustomFunctions?: { associate?: unknown; Error?: unknown; ErrorCode?: unknown };
    eolRegisteredFunctions?: Registered;
  };
  const existing = scope.CustomFunctions;
  if (existing !== undefined) {
    // Office.js in a plain browser tab defines CustomFunctions.associate but no Error/ErrorCode.
    existing.Error ??= StandInError;
    existing.ErrorCode ??= ERROR_CODES;
    return;
  }
  const registered: Registered = {};
  scope.eolRegisteredFunctions = registered;
  scope.CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      registered[id] = fn;
    },
    Error: StandInError,
    ErrorCode: ERROR_CODES,
  };
}

installCustomFunctionsStandIn();

/** The error a cell shows: Excel allows a message only with #VALUE! and #N/A. */
export type CellError = CustomFunctions.Error;
export type CellErrorKind = "invalidValue" | "notAvailable";

export function cellError(kind: CellErrorKind, message: string): CellError {
  const { Error: HostCellError, ErrorCode } = CustomFunctions;
  return new HostCellError(ErrorCode[kind], message);
}

/**
 * What Excel hands a `@cancelable` function as its last argument: Excel sets onCanceled and calls it
 * when the cell no longer needs the answer (formula edited or deleted, a newer calculation).
 */
export type CancelableInvocation = Pick<CustomFunctions.CancelableInvocation, "onCanceled">;

/** An AbortSignal that aborts when Excel cancels this call; undefined where Excel gives no invocation. */
export function cancelSignalOf(invocation: CancelableInvocation | undefined): AbortSignal | undefined {
  if (typeof invocation !== "object" || invocation === null) return undefined;
  const controller = new AbortController();
  invocation.onCanceled = () => controller.abort();
  return controller.signal;
}
