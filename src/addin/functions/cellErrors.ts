/**
 * Maps failures to the error a cell shows. Excel allows custom messages only for #VALUE! and #N/A and
 * cuts them at 255 characters: bad arguments are #VALUE!, everything about session, access, budget and
 * availability is #N/A with the gateway's message.
 */
import { clip } from "../../shared/rules/clip";
import { SIGN_IN_CELL_MESSAGE } from "../../shared/rules/signInMessage";
import { GatewayRequestError } from "../data/gatewayClient";
import { cellError, type CellError } from "../office/customFunctions";
import { ArgumentError } from "./argumentError";

export function toCellError(error: unknown): CellError {
  if (error instanceof ArgumentError) return cellError("invalidValue", clip(error.message));
  if (error instanceof GatewayRequestError) {
    if (error.code === "not_signed_in") return cellError("notAvailable", SIGN_IN_CELL_MESSAGE);
    // The gateway names the parameter it rejected: that is a bad argument too.
    if (error.code === "invalid_request") return cellError("invalidValue", clip(error.message));
    return cellError("notAvailable", clip(error.message));
  }
  const message =
    error instanceof Error && error.message ? error.message : "Unexpected error in EOL for Excel.";
  return cellError("notAvailable", clip(message));
}
