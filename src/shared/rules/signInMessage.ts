/**
 * What to do when there is no session: the gateway's `not_signed_in` message, and (without the final
 * full stop, as cell errors are written) the #N/A text of a formula used before signing in.
 */
export const SIGN_IN_CELL_MESSAGE = "Sign in to Exact Online (EOL task pane)";

export const SIGN_IN_MESSAGE = `${SIGN_IN_CELL_MESSAGE}.`;
