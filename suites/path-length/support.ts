import { randomBytes } from "node:crypto";
import type { ScenarioContext } from "../../harness/model/scenario-context";

/** Length in bytes, the unit sun_path (and libzmq's check) counts in. */
export const bytes = (text: string): number => Buffer.byteLength(text, "utf8");

/** Longest file name component we create (NAME_MAX is 255; stay well clear). */
const MAX_COMPONENT = 200;

/**
 * `<ctx.dir>/<name>` of exactly `total` bytes: all the padding in the file name, so that a
 * truncated path (Node 20 cuts long paths silently) would land in ctx.dir itself.
 */
export function pathWithLongName(ctx: ScenarioContext, total: number, fill = "n"): string {
  const room = total - bytes(ctx.dir) - 1;
  if (room < 1 || room > MAX_COMPONENT) ctx.skip(`cannot build a ${total}-byte path with one file name under ${ctx.dir}`);
  return `${ctx.dir}/${fill.repeat(room)}`;
}

/**
 * `<ctx.dir>/<dir>[/<dir>...]/<name>` of exactly `total` bytes: the padding in directory
 * components (created, at most 200 bytes each), the file name short. For paths longer than one
 * component can hold, and for the edge where little room is left beside the directory.
 */
export async function pathInLongDirectories(ctx: ScenarioContext, total: number, name = "s"): Promise<string> {
  let current = ctx.dir;
  let leaf = name;
  let room = total - bytes(current) - 1 - bytes(leaf);
  if (room < 0) ctx.skip(`cannot build a ${total}-byte path under ${ctx.dir}`);
  if (room === 1) {
    // A directory needs at least "/d" (2 bytes): give the spare byte to the file name instead.
    leaf += name[0];
    room = 0;
  }
  while (room > 0) {
    let length = Math.min(MAX_COMPONENT, room - 1);
    if (room - 1 - length === 1) length -= 1; // never leave a single byte behind
    current = `${current}/${"d".repeat(length)}`;
    await ctx.files.mkdir(current);
    room -= 1 + length;
  }
  const result = `${current}/${leaf}`;
  if (bytes(result) !== total) throw new Error(`built a ${bytes(result)}-byte path, wanted ${total}`);
  return result;
}

/**
 * `<ctx.dir>/<a...><€...>` of exactly `total` bytes, ending with as many three-byte "€" as fit:
 * far fewer characters than bytes, and the last character straddles any byte-count boundary.
 */
export function multibytePath(ctx: ScenarioContext, total: number): { path: string; name: string } {
  const room = total - bytes(ctx.dir) - 1;
  if (room < 3 || room > MAX_COMPONENT) ctx.skip(`cannot build a ${total}-byte path with one file name under ${ctx.dir}`);
  const euros = Math.floor(room / 3);
  const name = "a".repeat(room - 3 * euros) + "€".repeat(euros);
  return { path: `${ctx.dir}/${name}`, name };
}

/** A Linux abstract address (`@` + name) of exactly `total` bytes, unique to this run. */
export function abstractAddressOfBytes(total: number): string {
  const stem = `@zic-${randomBytes(6).toString("hex")}-`;
  if (total < bytes(stem)) throw new Error(`an abstract address of ${total} bytes is too short for a unique name`);
  return stem + "a".repeat(total - bytes(stem));
}

/**
 * Checks that a refused path left nothing on disk: not the path itself, not the path cut to
 * the longest accepted length or to sun_path's size (what a silent truncation creates), and
 * nothing new at all under ctx.dir compared with `before`.
 */
export async function checkNothingCreated(ctx: ScenarioContext, longPath: string, before: string[]): Promise<void> {
  // Raw bytes: a path cut inside a multibyte character is not valid UTF-8.
  const raw = Buffer.from(longPath, "utf8");
  ctx.check("what is at the over-long path", await ctx.files.kind(raw), "absent");
  for (const cut of new Set([ctx.platform.maxPathBytes, ctx.platform.sunPathSize])) {
    if (cut < raw.length) ctx.check(`what is at the path truncated to ${cut} bytes`, await ctx.files.kind(raw.subarray(0, cut)), "absent");
  }
  const added = (await ctx.files.tree(ctx.dir)).filter((entry) => !before.includes(entry));
  ctx.check("new entries under the scenario directory after the refused path", added.length === 0 ? "none" : added.join(", "), "none");
}
