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

export const MAX_MESSAGE_LENGTH = 255;

/** One line of at most `max` characters: messages end up in cells and task-pane texts. */
export function clip(text: string, max = MAX_MESSAGE_LENGTH): string {
  const single = text.replace(/\s+/g, " ").trim();
  return single.length <= max ? single : `${single.slice(0, max - 1)}…`;
}
