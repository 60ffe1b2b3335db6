/**
 * Maps failures to the error a cell shows. Excel allows custom messages only for #VALUE! and #N/A and
 * cuts them at 255 characters: bad arguments are #VALUE!, everything about session, access, budget and
 * availability is #N/A with the gateway's message.
 */
import { GatewayRequestError } from "../gateway/client";
import { ArgumentError } from "./argumentError";

export const SIGN_IN_MESSAGE = "Sign in to Exact Online (EOL task pane)";
export const MAX_MESSAGE_LENGTH = 255;

export function limitMessage(message: string): string {
  const oneLine = message.replace(/\s+/g, " ").trim();
  return oneLine.length <= MAX_MESSAGE_LENGTH ? oneLine : `${oneLine.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}

export function toCellError(error: unknown): CustomFunctions.Error {
  const { Error: CellError, ErrorCode } = CustomFunctions;
  if (error instanceof ArgumentError)
    return new CellError(ErrorCode.invalidValue, limitMessage(error.message));
  if (error instanceof GatewayRequestError) {
    if (error.code === "not_signed_in") return new CellError(ErrorCode.notAvailable, SIGN_IN_MESSAGE);
    // The gateway names the parameter it rejected: that is a bad argument too.
    if (error.code === "invalid_request")
      return new CellError(ErrorCode.invalidValue, limitMessage(error.message));
    return new CellError(ErrorCode.notAvailable, limitMessage(error.message));
  }
  const message =
    error instanceof Error && error.message ? error.message : "Unexpected error in EOL for Excel.";
  return new CellError(ErrorCode.notAvailable, limitMessage(message));
}
