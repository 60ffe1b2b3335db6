/** Excel shows at most 255 characters of a cell error's message; the gateway keeps its messages within that. */
export const MAX_MESSAGE_LENGTH = 255;

/** One line (whitespace runs become one space), cut to `max` characters with an ellipsis. */
export function clip(text: string, max = MAX_MESSAGE_LENGTH): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
