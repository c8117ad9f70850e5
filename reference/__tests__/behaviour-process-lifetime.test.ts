/**
 * What keeps a process (or a worker thread) alive, as in zeromq.js: a send or receive that waits,
 * and a closed socket still writing out what it holds; never an idle socket, bound or connected.
 * Each case runs in a child process (or a worker) that has nothing else keeping it alive: the
 * IPC channel to the test is unref'd.
 */
import * as ref from "../../reference";
import { CHILD_LIMIT_MS, text, within } from "./helpers/behaviour-env";
import { loadReferenceSource, runChild } from "./helpers/behaviour-child";
import { useFixture } from "./helpers/behaviour-fixture";
import { QUIET_LIMIT_MS } from "./helpers/limits";

const fixture = useFixture();

/** A child that reports `tag` once it got there, and otherwise lives only as long as what the script leaves open. */
function child(body: string) {
  return runChild(
    fixture,
    `${loadReferenceSource()}
process.channel.unref();
const say = (tag) => process.send(tag);
(async () => {
${body}
})().catch((err) => { console.error(err); process.exit(3); });
`,
  );
}

test("idle sockets, bound and connected, let the process exit", async () => {
  const endpoint = fixture.endpoint("idle.sock");
  const proc = child(`
  const pull = new ref.Pull();
  await pull.bind(${JSON.stringify(endpoint)});
  const push = new ref.Push();
  push.connect(${JSON.stringify(endpoint)});
  await push.send("one");
  await pull.receive();
  say("exchanged");
`);
  await proc.message((m) => m === "exchanged", "the exchange");
  expect(await within(proc.exited, "the child to exit by itself", CHILD_LIMIT_MS)).toBe(0);
});

test.each([
  ["a send", "const push = new ref.Push({ immediate: true }); push.connect(ENDPOINT); push.send('waits').catch(() => {});"],
  ["a receive", "const pull = new ref.Pull(); await pull.bind(ENDPOINT); pull.receive().catch(() => {});"],
])("%s that waits keeps the process alive", async (_what, script) => {
  const proc = child(`${script.replaceAll("ENDPOINT", JSON.stringify(fixture.endpoint("waiting.sock")))}\nsay("waiting");`);
  await proc.message((m) => m === "waiting", "the call to wait");
  // The one wait that costs its full length: the child must still be there after it.
  const exited = await Promise.race([proc.exited.then(() => "exited"), new Promise((resolve) => setTimeout(resolve, QUIET_LIMIT_MS * 4, "alive"))]);
  expect(exited).toBe("alive");
});

test("a closed socket keeps the process alive until it has written everything it held (linger)", async () => {
  const endpoint = fixture.endpoint("linger.sock");
  const pull = fixture.track(new ref.Pull());
  await pull.bind(endpoint);
  const COUNT = 64;
  const proc = child(`
  const push = new ref.Push({ sendHighWaterMark: 0 });
  push.connect(${JSON.stringify(endpoint)});
  for (let i = 0; i < ${COUNT}; i++) await push.send([String(i), Buffer.alloc(256 * 1024, i)]);
  push.close();
  say("closed");
`);
  await proc.message((m) => m === "closed", "the close");
  const received: string[] = [];
  for (let i = 0; i < COUNT; i++) received.push(text(await within(pull.receive(), `message ${i}`))[0]);
  expect(received).toEqual(Array.from({ length: COUNT }, (_, i) => String(i)));
  expect(await within(proc.exited, "the child to exit once written", CHILD_LIMIT_MS)).toBe(0);
});

test("a worker thread that used sockets ends when its work is done", async () => {
  const endpoint = fixture.endpoint("worker.sock");
  const proc = child(`
  const { Worker } = require("node:worker_threads");
  const source = ${JSON.stringify(loadReferenceSource())} + \`
    const { parentPort } = require("node:worker_threads");
    (async () => {
      const pull = new ref.Pull();
      await pull.bind(${JSON.stringify(endpoint)});
      const push = new ref.Push();
      push.connect(${JSON.stringify(endpoint)});
      await push.send("in the worker");
      parentPort.postMessage((await pull.receive())[0].toString());
    })();
  \`;
  const worker = new Worker(source, { eval: true });
  let got;
  worker.on("message", (m) => (got = m));
  worker.on("exit", (code) => say({ code, got }));
`);
  expect(await proc.message((m) => typeof m === "object", "the worker's end")).toEqual({ code: 0, got: "in the worker" });
});
