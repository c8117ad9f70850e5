import * as fs from "node:fs";

/** Writes to a temporary name then renames: a crash mid-write never leaves half a file behind. */
export function writeFileAtomic(file: string, text: string): string {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch (err) {
    fs.rmSync(temporary, { force: true });
    throw err;
  }
  return file;
}
