/** The one error type routes throw; the error handler turns it into `{ error: { code, message } }`. */
import type { ErrorCode } from "../shared/errors";

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}
