/** The --help texts: every command documents its flags. */
import { CONTAINER_PLATFORMS } from "../model/container-platform";
import { NODE_RUNTIME_MAJORS, runtimePlatformId } from "../platforms/node-runtimes";

const CONTAINER_IDS = CONTAINER_PLATFORMS.map((p) => p.id).join(", ");
const RUNTIME_IDS = `${runtimePlatformId(NODE_RUNTIME_MAJORS[0])} ... ${runtimePlatformId(NODE_RUNTIME_MAJORS[NODE_RUNTIME_MAJORS.length - 1])}`;

export const HELP = `Usage: zmq-ipc-conformance <command> [options]

Conformance suites for the ZeroMQ ipc:// transport.

Commands:
  list                  list scenarios (id, suite, level, clause)
  run                   run scenarios and write the reports
  gate                  run, then fail (exit 1) on results the expectations do not expect
  update-expectations   write an implementation's expectations file from a run
  report                merge report.json files (platforms, CI shards) and write the reports
  diff                  what changed between two runs' report.json: regressions, fixes, new cells
  trace                 run cells recording what they say on the wire, and print the transcripts

Run 'zmq-ipc-conformance <command> --help' for a command's options.
Exit codes: 0 nothing unexpected, 1 unexpected results, 2 usage/harness/driver/environment error.`;

const SELECT = `  --suite NAME[,NAME]         only these suites
  --scenario ID|GLOB[,...]    only these scenarios ('bind-override.*', '*.regular-file-*')`;

const RUN = `  --impl NAME[,NAME]          implementations: reference and libzmq (in process), pyzmq, jeromq
                              and libzmq-c (shipped drivers), or all (default: every one whose runtime is installed)
  --driver NAME=COMMAND       an implementation in another process (repeatable)
  --drivers FILE              a JSON file {"drivers": {"NAME": "COMMAND"}}
${SELECT}
  --platform NAME[,NAME]      where to run (default: host): host, ${RUNTIME_IDS} (this machine
                              under that Node, an npm package installed on first use), ${CONTAINER_IDS}
                              (containers of the images docker/build-images.sh builds),
                              agent-debian12, freebsd-qemu (remote machines through their site
                              agent: drivers only), freebsd (on a FreeBSD machine); several: one
                              merged report, each
                              platform's own in DIR/platforms/<id>/
  --node N[,N]                the same as --platform host-nodeN,...: ${NODE_RUNTIME_MAJORS.join(", ")}
  --out DIR                   where the reports go (default: ./out)
  --expect FILE               an expectations file (repeatable; its "implementation" says whose)
  --timeout-multiplier N      scale every limit (a slow machine: 2 or 3)
  --shard I/N                 run only the I-th of N equal parts (CI sharding; merge with 'report')
  --jobs N                    run N scenarios at once (default 1)
  --repeat N                  run each cell N times: cells whose runs end differently are reported
                              flaky, with every outcome seen; update-expectations then writes them
                              as intermittent
  --trace failed|all          attach decoded wire transcripts to rows (report.json, the HTML
                              drill-down, junit.xml): failed re-runs each cell that did not pass
                              once with recording; all records every cell
  --with-recorded             add the recorded platforms (fixtures/recorded/: runs kept for machines
                              CI cannot have) to the report, marked with their date, never judged`;

const COMMANDS: Record<string, string> = {
  list: `Usage: zmq-ipc-conformance list [--suite S] [--scenario GLOB] [--level MUST,SHOULD,COMPAT,INFO] [--json]

Lists every scenario: id, suite, level and the spec clause it checks.
${SELECT}
  --level L[,L]               only these levels
  --json                      machine-readable output`,
  run: `Usage: zmq-ipc-conformance run [options]

Runs the scenarios and writes report.json, report.html, junit.xml and summary.md to --out.
Results are compared with the shipped expectations (fixtures/expectations) and any --expect file.
${RUN}
  --request FILE              every setting from a JSON file instead of flags: what a platform run
                              hands the CLI it starts in a container or under another Node`,
  gate: `Usage: zmq-ipc-conformance gate [--driver NAME=COMMAND] [--expect FILE] [options]

For an implementer's CI: exit 0 when every result is expected, 1 when something is not
(unexpected failures and unexpected passes are listed apart, each with its clause, why it was
expected and the command that reruns it), 2 when the harness, a driver or the environment
failed (a driver that cannot start, an unreadable expectations file). Without --expect, an
implementation is judged by the file this project ships for it, or expected to pass everything.
${RUN}`,
  "update-expectations": `Usage: zmq-ipc-conformance update-expectations --impl NAME [run options] [--write FILE]
       zmq-ipc-conformance update-expectations --from REPORT.json --impl NAME [--write FILE]

Writes NAME's expectations: every scenario it does not pass, with the observed outcome. Reasons
already in --write FILE are kept. Default FILE: <out>/expectations/NAME.json.
${RUN}
  --from FILE                 take the results from an existing report.json instead of running
  --write FILE                where to write`,
  report: `Usage: zmq-ipc-conformance report [--out DIR] [--expect FILE] REPORT.json [REPORT.json ...]

Merges reports (several platforms, or CI shards) into one matrix, writes the four reports, and
exits as the gate does: 0 nothing unexpected, 1 unexpected results, 2 errors or platforms not run.
  --out DIR                   where the merged reports go (default: ./out)
  --expect FILE               judge the merged rows by this expectations file (repeatable)
  --with-recorded             add the recorded platforms (fixtures/recorded/), marked with their date`,
  diff: `Usage: zmq-ipc-conformance diff [--markdown] OLDER/report.json NEWER/report.json

Compares two runs cell by cell (scenario x implementation x platform), grouped by implementation
and platform: regressions (passed before, now fails, misses a SHOULD, times out, errs or flakes),
fixes (failed before, now passes), cells no longer run (passed before, now unsupported or
skipped), other changes of outcome, new cells and removed cells. Expectations do not matter here:
an expected failure that used to pass is still a regression.
Exit codes: 0 no regression, 1 at least one regression, 2 a file that is not a report.
  --markdown                  print Markdown (a summary line and a table) for a pull request comment`,
  trace: `Usage: zmq-ipc-conformance trace --scenario ID|GLOB [--impl NAME[,NAME]] [run options]

Runs the cells with recording on (run --trace all) and prints, for each, its outcome and its
transcript: every connection of the harness's raw peers, and of interop scenarios through a
recording relay, decoded (greeting, commands, frames, closes) with times and directions.
Without --out the reports go to a temporary directory that is removed afterwards.
Exit codes as run: 0 nothing unexpected, 1 unexpected results, 2 errors.
  --scenario ID|GLOB[,...]    the cells to trace (required)
  --impl NAME[,NAME]          implementations, as for run (default: every one available)
  --driver NAME=COMMAND       an implementation in another process (repeatable)
  --drivers FILE              a JSON file {"drivers": {"NAME": "COMMAND"}}
  --suite NAME[,NAME]         only these suites
  --platform NAME[,NAME]      where to run, as for run
  --node N[,N]                the same as --platform host-nodeN,...
  --out DIR                   keep the reports there
  --expect FILE               an expectations file (repeatable)
  --timeout-multiplier N      scale every limit`,
};

export function commandHelp(command: string): string {
  return COMMANDS[command] ?? HELP;
}
