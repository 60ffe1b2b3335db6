/** The one error type routes throw; the error handler turns it into `{ error: { code, message } }`. */
import type { ErrorCode } from "../shared/errors";

export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    /** Sent as Retry-After (seconds) when the same request may succeed later. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "GatewayError";
  }
}

// Messages end up in cells and task-pane texts: one line, at most 255 characters (the add-in's rule too).
export { clip, MAX_MESSAGE_LENGTH } from "../shared/rules/clip";
