import * as fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

/**
 * The one browser the report's browser test and screenshot script use: Debian's chromium
 * (`apt-get install -y chromium`), driven by playwright-core. Playwright's own browser download
 * is never used: the machines reach only the npm registry and Debian's packages.
 */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Flags for a quiet, offline, sandbox-less (root in a container) headless run. */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumInstalled(): boolean {
  return fs.existsSync(CHROMIUM_PATH);
}

/** launch() gives every run a fresh temporary profile (--user-data-dir) of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ARGS, headless: true });
}
