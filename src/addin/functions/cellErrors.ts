/**
 * Maps failures to the error a cell shows. Excel allows custom messages only for #VALUE! and #N/A and
 * cuts them at 255 characters: bad arguments are #VALUE!, everything about session, access, budget and
 * availability is #N/A with the gateway's message.
 */
import { clip } from "../../shared/rules/clip";
import { SIGN_IN_CELL_MESSAGE } from "../../shared/rules/signInMessage";
import { isGatewayRequestError } from "../data/gatewayClient";
import { ArgumentError } from "./argumentError";

export function toCellError(error: unknown): CustomFunctions.Error {
  const { Error: CellError, ErrorCode } = CustomFunctions;
  if (error instanceof ArgumentError) return new CellError(ErrorCode.invalidValue, clip(error.message));
  if (isGatewayRequestError(error)) {
    if (error.code === "not_signed_in") return new CellError(ErrorCode.notAvailable, SIGN_IN_CELL_MESSAGE);
    // The gateway names the parameter it rejected: that is a bad argument too.
    if (error.code === "invalid_request") return new CellError(ErrorCode.invalidValue, clip(error.message));
    return new CellError(ErrorCode.notAvailable, clip(error.message));
  }
  const message =
    error instanceof Error && error.message ? error.message : "Unexpected error in EOL for Excel.";
  return new CellError(ErrorCode.notAvailable, clip(message));
}
