import * as fs from "node:fs";

/**
 * The commands of a Markdown document, as a reader copies them: fenced ```sh blocks, grouped by
 * the heading they are under. A trailing `# exits N` comment says which exit code the document
 * promises (0 otherwise), so the test holds the document to it.
 */
export interface DocCommand {
  /** The command exactly as written (continuation lines joined), comment included: sh ignores it. */
  readonly text: string;
  readonly expectedExit: number;
  /** "drivers/template/README.md:41", for messages. */
  readonly where: string;
}

export interface DocBlock {
  readonly heading: string;
  readonly lang: string;
  readonly body: string;
  readonly where: string;
}

export function readBlocks(file: string, name = file): DocBlock[] {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const blocks: DocBlock[] = [];
  let heading = "";
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\S*)\s*$/.exec(lines[i]);
    if (fence === null) {
      const title = /^#{1,6}\s+(.*)$/.exec(lines[i]);
      if (title !== null) heading = title[1].trim();
      continue;
    }
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ heading, lang: fence[1], body: body.join("\n"), where: `${name}:${start + 1}` });
  }
  return blocks;
}

/** The shell commands of the ```sh blocks under headings that start with `heading`. */
export function commandsUnder(blocks: readonly DocBlock[], heading: string): DocCommand[] {
  const chosen = blocks.filter((b) => b.lang === "sh" && b.heading.startsWith(heading));
  if (chosen.length === 0) throw new Error(`no sh block under a heading "${heading}…"`);
  return chosen.flatMap(commandsOf);
}

export function commandsOf(block: DocBlock): DocCommand[] {
  const commands: DocCommand[] = [];
  const lines = block.body.split("\n");
  const line0 = Number(block.where.split(":").pop());
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let text = lines[i];
    while (text.endsWith("\\") && i + 1 < lines.length) text = `${text.slice(0, -1)} ${lines[++i].trim()}`;
    if (text.trim() === "" || text.trim().startsWith("#")) continue;
    const exits = /#\s*exits\s+(\d+)/.exec(text);
    commands.push({
      text: text.trim(),
      expectedExit: exits === null ? 0 : Number(exits[1]),
      where: `${block.where.replace(/:\d+$/, "")}:${line0 + first + 1}`,
    });
  }
  return commands;
}
