/** An OData request error: sent as Exact's envelope {"error":{"code":"","message":{"lang":"","value":…}}}. */
export class ODataError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = "ODataError";
  }
}

/** Exact's text for a malformed query (picqer#198/#609; ruby#78). */
export const SYNTAX_ERROR = "Bad Request - Error in query syntax.";

export function syntaxError(): ODataError {
  return new ODataError(400, SYNTAX_ERROR);
}
