import * as fs from "node:fs";
import * as path from "node:path";
import { UsageError } from "./select-scenarios";

/**
 * Makes sure `dir` can take the reports before anything runs: created if absent, refused when
 * it is a file or cannot be written. Without this a run went to the end and then failed with a
 * stack trace (EEXIST, ENOTDIR) and no report at all.
 */
export function usableOutDirectory(flag: string, dir: string): string {
  const problem = directoryProblem(dir);
  if (problem !== undefined) throw new UsageError(`${flag} ${dir}: ${problem}`);
  return path.resolve(dir);
}

/** A file the command will write (update-expectations --write): not a directory, in a directory that can be written. */
export function usableOutFile(flag: string, file: string): string {
  const resolved = path.resolve(file);
  if (fs.existsSync(resolved) && fs.statSync(resolved).isDirectory()) throw new UsageError(`${flag} ${file}: is a directory, not a file`);
  const problem = directoryProblem(path.dirname(resolved));
  if (problem !== undefined) throw new UsageError(`${flag} ${file}: its directory ${problem}`);
  return resolved;
}

/** Creates `dir` if absent; says why it cannot hold files, or undefined when it can. */
function directoryProblem(dir: string): string | undefined {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    return `cannot be created (${describeFsError(err)})`;
  }
  if (!fs.statSync(dir).isDirectory()) return "is not a directory";
  try {
    fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
  } catch (err) {
    return `cannot be written (${describeFsError(err)})`;
  }
  return undefined;
}

function describeFsError(err: unknown): string {
  const { code, message } = err as NodeJS.ErrnoException;
  // mkdir -p through a regular file fails with EEXIST or ENOTDIR depending on where the file is.
  if (code === "EEXIST") return "EEXIST: a file of that name is in the way";
  if (code === "ENOTDIR") return "ENOTDIR: a part of the path is a file";
  return code ?? message;
}
