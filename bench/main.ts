/**
 * npm run bench -- [--out DIR] [--quick]
 *
 * The reference against zeromq.js (libzmq) and raw node:net, side by side in one process on one
 * machine: PUSH/PULL throughput at 16 B, 1 KiB, 64 KiB and 1 MiB; REQ/REP round-trip latency;
 * peak RSS under a slow receiver (each contender in a process of its own). Prints a table and
 * writes DIR/bench.json with every sample and the throughput ratios by size.
 * Figures are medians of repetitions after a warm-up; at each size the repetitions go round the
 * contenders in turn, so that a noisy moment of the machine does not fall on one of them only.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import type { Contender } from "./contender";
import { rawNetContender } from "./contenders/raw-net";
import { referenceContender } from "./contenders/reference";
import { referenceBatchContender } from "./contenders/reference-batch";
import { zeromqContender } from "./contenders/zeromq";
import { measureLatency, type LatencyResult } from "./latency";
import { measureMemory, type MemoryResult } from "./memory";
import { cleanupPaths } from "./temp-paths";
import { measureThroughputs, round2, type ThroughputResult } from "./throughput";

const SIZES = [16, 1024, 65536, 1048576];
const CONTENDERS: readonly Contender[] = [referenceContender, zeromqContender, rawNetContender];
/** Throughput also measures the reference's batch path (latency and memory would be the reference's own). */
const THROUGHPUT_CONTENDERS: readonly Contender[] = [...CONTENDERS, referenceBatchContender];
const RATIOS = [
  ["reference", "zeromq"],
  ["reference", "raw"],
  ["ref-batch", "zeromq"],
  ["ref-batch", "raw"],
] as const;
type RatioName = `${(typeof RATIOS)[number][0]}/${(typeof RATIOS)[number][1]}`;

export interface BenchReport {
  generatedAt: string;
  environment: { node: string; libuv: string; cpu: string; cpus: number; platform: string; kernel: string };
  plan: { repetitions: number; targetMs: number; roundTrips: number; memory: { highWaterMark: number; size: number; durationMs: number } };
  throughput: Record<string, Record<string, ThroughputResult>>;
  latency: Record<string, LatencyResult>;
  memory: Record<string, MemoryResult>;
  /** Throughput ratios by message size (messages/s of the first over the second; higher is better for the reference). */
  ratios: Record<RatioName, Record<string, number>>;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: "string" }, quick: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(
      "npm run bench -- [--out DIR] [--quick]\n  --out DIR  where bench.json goes (default: out/bench)\n  --quick    fewer and shorter repetitions (a smoke run; figures are noisier)\n",
    );
    return;
  }
  const out = path.resolve(values.out ?? path.join("out", "bench"));
  const plan: BenchReport["plan"] = values.quick
    ? { repetitions: 3, targetMs: 250, roundTrips: 5_000, memory: { highWaterMark: 100, size: 65536, durationMs: 1000 } }
    : { repetitions: 5, targetMs: 600, roundTrips: 20_000, memory: { highWaterMark: 100, size: 65536, durationMs: 3000 } };
  const say = (line: string) => process.stdout.write(`${line}\n`);
  say(`bench: node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}; ${plan.repetitions} repetitions of ~${plan.targetMs} ms, medians`);

  const throughput: BenchReport["throughput"] = Object.fromEntries(THROUGHPUT_CONTENDERS.map((c) => [c.id, {}]));
  try {
    for (const size of SIZES) {
      const results = await measureThroughputs(THROUGHPUT_CONTENDERS, size, plan);
      for (const [i, contender] of THROUGHPUT_CONTENDERS.entries()) {
        const result = results[i];
        throughput[contender.id][String(size)] = result;
        say(`  throughput ${contender.id.padEnd(9)} ${sizeLabel(size).padStart(6)}: ${fmt(result.messagesPerSecond)} msg/s, ${result.megabytesPerSecond} MB/s`);
      }
    }
    const latency: BenchReport["latency"] = {};
    for (const contender of CONTENDERS) {
      latency[contender.id] = await measureLatency(contender, plan.roundTrips);
      say(`  latency    ${contender.id.padEnd(9)}: median ${latency[contender.id].medianUs} us, p99 ${latency[contender.id].p99Us} us`);
    }
    const memory: BenchReport["memory"] = {};
    for (const contender of CONTENDERS) {
      memory[contender.id] = await measureMemory(contender.id, plan.memory.highWaterMark, plan.memory.size, plan.memory.durationMs);
      say(
        `  memory     ${contender.id.padEnd(9)}: peak ${memory[contender.id].peakMB} MB (+${memory[contender.id].growthMB} MB, bound ${memory[contender.id].boundMB} MB)`,
      );
    }
    const ratio = (a: string, b: string) =>
      Object.fromEntries(
        SIZES.map((size) => [String(size), round2(throughput[a][String(size)].messagesPerSecond / throughput[b][String(size)].messagesPerSecond)]),
      );
    const report: BenchReport = {
      generatedAt: new Date().toISOString(),
      environment: {
        node: process.version,
        libuv: process.versions.uv,
        cpu: os.cpus()[0]?.model ?? "unknown",
        cpus: os.cpus().length,
        platform: process.platform,
        kernel: os.release(),
      },
      plan,
      throughput,
      latency,
      memory,
      ratios: Object.fromEntries(RATIOS.map(([a, b]) => [`${a}/${b}`, ratio(a, b)])) as BenchReport["ratios"],
    };
    say("");
    for (const line of table(report)) say(line);
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "bench.json"), `${JSON.stringify(report, null, 2)}\n`);
    say(`\nwrote ${path.join(out, "bench.json")}`);
  } finally {
    cleanupPaths();
  }
}

export function table(report: BenchReport): string[] {
  const ids = Object.keys(report.throughput);
  const ratioNames = Object.keys(report.ratios) as RatioName[];
  const rows: string[][] = [["", ...ids.map((id) => `${id} msg/s`), ...ratioNames]];
  for (const size of SIZES) {
    rows.push([
      `PUSH/PULL ${sizeLabel(size)}`,
      ...ids.map((id) => `${fmt(report.throughput[id][String(size)].messagesPerSecond)} (${report.throughput[id][String(size)].megabytesPerSecond} MB/s)`),
      ...ratioNames.map((name) => `${report.ratios[name][String(size)]}x`),
    ]);
  }
  const blank = ratioNames.map(() => "");
  const latency = (id: string) => (report.latency[id] ? `${report.latency[id].medianUs} / ${report.latency[id].p99Us} us` : "-");
  const memory = (id: string) => (report.memory[id] ? `${report.memory[id].peakMB} MB (+${report.memory[id].growthMB})` : "-");
  rows.push(["REQ/REP median / p99", ...ids.map(latency), ...blank]);
  rows.push(["slow receiver peak RSS", ...ids.map(memory), ...blank]);
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  "));
}

function sizeLabel(size: number): string {
  return size >= 1048576 ? `${size / 1048576} MiB` : size >= 1024 ? `${size / 1024} KiB` : `${size} B`;
}

function fmt(n: number): string {
  return n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : String(n);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`bench failed: ${(err as Error).stack ?? err}\n`);
      cleanupPaths();
      process.exit(1);
    },
  );
}
