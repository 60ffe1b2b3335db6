/** The fenced code blocks of one section of a Markdown file, for tests that run what a guide says. */

export interface FencedBlock {
  /** The info string after the opening fence (`sh`, `nginx`, …), empty when none. */
  lang: string;
  code: string;
}

/**
 * Blocks from the line `heading` (exact) to the next heading of the same or a higher level. Fails
 * loudly when the heading is missing, so a renamed section cannot turn its test into a no-op.
 */
export function fencedBlocks(markdown: string, heading: string): FencedBlock[] {
  const lines = markdown.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`Heading "${heading}" not found`);
  const level = /^#+/.exec(heading)![0].length;
  const blocks: FencedBlock[] = [];
  let open: FencedBlock | null = null;
  for (const line of lines.slice(start + 1)) {
    const fence = /^```(\S*)\s*$/.exec(line);
    if (open) {
      if (fence && fence[1] === "") {
        blocks.push(open);
        open = null;
      } else open.code += `${line}\n`;
      continue;
    }
    const other = /^(#+)\s/.exec(line);
    if (other && other[1].length <= level) break;
    if (fence) open = { lang: fence[1], code: "" };
  }
  if (open) throw new Error(`Unclosed code block under "${heading}"`);
  return blocks;
}
