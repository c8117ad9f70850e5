import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { implementationById } from "../../harness/adapters/registry";
import { platformLimits } from "../../harness/model/platform-limits";
import { RunnerContext } from "../../harness/runner/context";
import { TranscriptLog } from "../../harness/runner/scenario-context/transcript-log";
import { relayedEndpoint } from "./recording-relay";
import { greeting, message, ready } from "./zmtp-bytes";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "zic-relay-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const reference = implementationById("reference");
const context = (transcript?: TranscriptLog) =>
  new RunnerContext({ dir, binder: reference, connecter: reference, platform: platformLimits(), multiplier: 1, transcript });

/** A listener standing in for the binder: answers each connection with `reply`, then closes it. */
async function binder(at: string, reply: Buffer): Promise<{ server: net.Server; received: Promise<Buffer> }> {
  let resolve: (b: Buffer) => void;
  const received = new Promise<Buffer>((r) => (resolve = r));
  const server = net.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => {
      chunks.push(chunk);
      if (Buffer.concat(chunks).length >= 64 + ready("PUSH").length) {
        resolve(Buffer.concat(chunks));
        socket.end(reply);
      }
    });
  });
  await new Promise<void>((r) => server.listen(at, r));
  return { server, received };
}

test("without recording the endpoint is given back as it is, and no relay file appears", async () => {
  const ctx = context();
  expect(await relayedEndpoint(ctx, ctx.endpoint("x.sock"), "a", "b")).toBe(ctx.endpoint("x.sock"));
  expect(fs.readdirSync(dir)).toEqual([]);
  await ctx.dispose();
});

test("the relay copies octets both ways unchanged, records them decoded, and passes the binder's close on", async () => {
  const log = new TranscriptLog();
  const ctx = context(log);
  const target = ctx.path("real.sock");
  const reply = Buffer.concat([greeting(), ready("PULL"), message(["bye"])]);
  const { server, received } = await binder(target, reply);
  const relayed = await relayedEndpoint(ctx, `ipc://${target}`, "peer (connecter)", "listener (binder)");
  expect(relayed).not.toBe(`ipc://${target}`);
  const sent = Buffer.concat([greeting(), ready("PUSH")]);
  const client = net.createConnection(relayed.slice("ipc://".length));
  const got: Buffer[] = [];
  client.on("data", (chunk) => got.push(chunk));
  client.write(sent);
  await new Promise((r) => client.once("end", r));
  client.destroy();
  expect(await received).toEqual(sent);
  expect(Buffer.concat(got)).toEqual(reply);
  // The relay sees the connecter's close on its own time: a condition, polled within a limit.
  const leftClosed = () => log.connections()[0]?.events.some((e) => e.from === "left" && e.kind === "close") === true;
  for (const deadline = Date.now() + 5000; !leftClosed() && Date.now() < deadline;) await new Promise((r) => setImmediate(r));
  await ctx.dispose();
  await new Promise((r) => server.close(r));
  const [connection] = log.connections();
  expect(connection).toMatchObject({ via: "relay", left: "peer (connecter)", right: "listener (binder)" });
  expect(connection.events.map((e) => `${e.from} ${e.kind} ${e.text}`)).toEqual([
    "left connect connected",
    'left greeting greeting ZMTP 3.1 mechanism "NULL" as-server 0',
    'left command READY Socket-Type="PUSH"',
    'right greeting greeting ZMTP 3.1 mechanism "NULL" as-server 0',
    'right command READY Socket-Type="PULL"',
    'right frame frame 3 B "bye"',
    "right close closed its end",
    "left close closed its end",
  ]);
  expect(fs.readdirSync(dir).filter((name) => name.startsWith("relay-"))).toEqual([]);
});
