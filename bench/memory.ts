import { spawn } from "node:child_process";
import * as path from "node:path";

export interface MemoryResult {
  highWaterMark: number;
  size: number;
  durationMs: number;
  sent: number;
  received: number;
  baselineMB: number;
  peakMB: number;
  growthMB: number;
  /**
   * What the HWMs allow in flight (send + receive queues) plus 64 MiB for socket and batch
   * buffers and garbage the collector has not taken yet. Without a bound, the sender outruns
   * the receiver by about 1 GB/s at 64 KiB: far beyond it within the run.
   */
  boundMB: number;
  bounded: boolean;
}

const MB = 1024 * 1024;

/** Runs slow-receiver-child.js for one contender in its own process and reads its peak RSS. */
export async function measureMemory(contenderId: string, highWaterMark: number, size: number, durationMs: number): Promise<MemoryResult> {
  const script = path.join(__dirname, `slow-receiver-child${path.extname(__filename)}`);
  // Under ts-jest the sources run through ts-node; `npm run bench` runs the compiled JS.
  const preload = __filename.endsWith(".ts") ? ["-r", require.resolve("ts-node/register/transpile-only")] : [];
  const child = spawn(process.execPath, [...preload, script, contenderId, String(highWaterMark), String(size), String(durationMs), "2"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`slow receiver (${contenderId}) exited ${code}: ${stderr.trim()}`);
  const { baselineRss, peakRss, sent, received } = JSON.parse(stdout) as { baselineRss: number; peakRss: number; sent: number; received: number };
  const growth = peakRss - baselineRss;
  const bound = 2 * highWaterMark * size + 64 * MB;
  const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
  return {
    highWaterMark,
    size,
    durationMs,
    sent,
    received,
    baselineMB: mb(baselineRss),
    peakMB: mb(peakRss),
    growthMB: mb(growth),
    boundMB: mb(bound),
    bounded: growth <= bound,
  };
}
