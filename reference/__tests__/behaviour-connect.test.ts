import * as fs from "node:fs";
import net = require("node:net"); // the module object itself, so that a spy on it is what the reference calls
import * as zmq from "zeromq";
import * as ref from "../../reference";
import { CHILD_LIMIT_MS, failure, text, waitFor, within } from "./helpers/behaviour-env";
import { loadZeromqSource, runChild } from "./helpers/behaviour-child";
import { useFixture } from "./helpers/behaviour-fixture";

/**
 * connect(): returns at once, never touches the filesystem, retries every reconnectInterval;
 * messages sent before the binder exists wait (up to the send high-water mark) and arrive in
 * order; a lost connection is remade to whoever binds the path next, even in another process.
 */
const fixture = useFixture();

/** Every connection attempt the reference makes (it dials with net.createConnection). */
interface Attempt {
  readonly path: string;
  done: boolean;
  /** "connected", or the error code of a failed attempt. */
  outcome?: string;
}

function watchConnectAttempts(): Attempt[] {
  const attempts: Attempt[] = [];
  const original = net.createConnection;
  const spy = jest.spyOn(net, "createConnection").mockImplementation(((options: net.IpcNetConnectOpts) => {
    const attempt: Attempt = { path: options.path, done: false };
    attempts.push(attempt);
    const socket = (original as (o: net.IpcNetConnectOpts) => net.Socket)(options);
    socket.once("connect", () => {
      attempt.done = true;
      attempt.outcome = "connected";
    });
    socket.once("error", (err: NodeJS.ErrnoException) => {
      if (attempt.done) return; // an error after connecting (a reset) is not the attempt's outcome
      attempt.done = true;
      attempt.outcome = err.code;
    });
    return socket;
  }) as typeof net.createConnection);
  fixture.defer(() => spy.mockRestore());
  return attempts;
}

/** Fake setTimeout/setInterval only: I/O, setImmediate and the clock stay real. */
function fakeTimers(): void {
  jest.useFakeTimers({
    doNotFake: ["nextTick", "setImmediate", "clearImmediate", "queueMicrotask", "Date", "hrtime", "performance"],
  });
  fixture.defer(() => jest.useRealTimers());
}

describe("connect does not touch the filesystem", () => {
  test("to a missing path or a missing directory: returns at once, creates nothing", async () => {
    const attempts = watchConnectAttempts();
    const push = fixture.track(new ref.Push());
    expect(push.connect(fixture.endpoint("absent.sock"))).toBeUndefined();
    expect(push.connect(fixture.endpoint("no", "such", "dir.sock"))).toBeUndefined();
    await waitFor(() => attempts.length === 2 && attempts.every((a) => a.done), "both first attempts to fail");
    expect(attempts.map((a) => a.outcome)).toEqual(["ENOENT", "ENOENT"]);
    expect(fixture.list()).toEqual([]);
  });

  test("to a regular file: the attempt fails quietly and the file is untouched", async () => {
    fs.writeFileSync(fixture.path("file"), "content");
    const attempts = watchConnectAttempts();
    const push = fixture.track(new ref.Push());
    push.connect(fixture.endpoint("file"));
    await waitFor(() => attempts.length >= 1 && attempts[0].done, "the first attempt");
    expect(attempts[0].outcome).toBe("ECONNREFUSED");
    expect(fs.readFileSync(fixture.path("file"), "utf8")).toBe("content");
  });

  test("disconnect of an endpoint never connected is ENOENT", () => {
    const push = fixture.track(new ref.Push());
    push.connect(fixture.endpoint("connected.sock"));
    expect(() => push.disconnect(fixture.endpoint("other.sock"))).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(() => push.disconnect(fixture.endpoint("connected.sock"))).not.toThrow();
  });
});

describe("retry timing (fake timers, real I/O)", () => {
  test("a failed attempt is retried after exactly reconnectInterval, again and again", async () => {
    const attempts = watchConnectAttempts();
    fakeTimers();
    const push = fixture.track(new ref.Push({ reconnectInterval: 100 }));
    push.connect(fixture.endpoint("absent.sock"));
    for (let n = 1; n <= 3; n++) {
      await waitFor(() => attempts.length === n && attempts[n - 1].done, `attempt ${n} to fail`);
      jest.advanceTimersByTime(99);
      expect(attempts).toHaveLength(n);
      jest.advanceTimersByTime(1);
      expect(attempts).toHaveLength(n + 1);
    }
  });

  test("reconnectMaxInterval doubles the wait after each failure, up to the maximum", async () => {
    const attempts = watchConnectAttempts();
    fakeTimers();
    const push = fixture.track(new ref.Push({ reconnectInterval: 100, reconnectMaxInterval: 300 }));
    push.connect(fixture.endpoint("absent.sock"));
    const waits = [100, 200, 300, 300];
    for (const [index, wait] of waits.entries()) {
      await waitFor(() => attempts.length === index + 1 && attempts[index].done, `attempt ${index + 1} to fail`);
      jest.advanceTimersByTime(wait - 1);
      expect(attempts).toHaveLength(index + 1);
      jest.advanceTimersByTime(1);
      expect(attempts).toHaveLength(index + 2);
    }
  });

  test("reconnectInterval -1: one attempt, never another", async () => {
    const attempts = watchConnectAttempts();
    fakeTimers();
    const push = fixture.track(new ref.Push({ reconnectInterval: -1 }));
    push.connect(fixture.endpoint("absent.sock"));
    await waitFor(() => attempts.length === 1 && attempts[0].done, "the first attempt to fail");
    expect(jest.getTimerCount()).toBe(0);
    jest.advanceTimersByTime(3_600_000);
    expect(attempts).toHaveLength(1);
  });
});

describe("messages sent before the binder exists", () => {
  test("are queued up to sendHighWaterMark, then EAGAIN; all arrive in order once it binds", async () => {
    const endpoint = fixture.endpoint("later.sock");
    const push = fixture.track(new ref.Push({ sendHighWaterMark: 5, sendTimeout: 0, reconnectInterval: 10 }));
    push.connect(endpoint);
    for (let i = 0; i < 5; i++) await push.send(`m${i}`);
    expect((await failure(push.send("m5"))).code).toBe("EAGAIN");
    expect(fixture.list()).toEqual([]);

    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    const received: string[] = [];
    for (let i = 0; i < 5; i++) received.push(...text(await within(pull.receive(), `message ${i}`)));
    expect(received).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    // The queue is open again and keeps the order.
    await within(
      (async () => {
        for (;;) {
          try {
            return await push.send("m5");
          } catch (err) {
            if ((err as { code?: string }).code !== "EAGAIN") throw err;
            await new Promise((resolve) => setImmediate(resolve));
          }
        }
      })(),
      "room in the queue",
    );
    expect(text(await within(pull.receive(), "m5"))).toEqual(["m5"]);
  });

  test("a libzmq binder receives them in order too", async () => {
    const endpoint = fixture.endpoint("libzmq-later.sock");
    const push = fixture.track(new ref.Push({ reconnectInterval: 10 }));
    push.connect(endpoint);
    for (let i = 0; i < 20; i++) await push.send(`n${i}`);
    const pull = fixture.track(new zmq.Pull());
    await pull.bind(endpoint);
    const received: string[] = [];
    for (let i = 0; i < 20; i++) received.push(...text(await within(pull.receive(), `message ${i}`)));
    expect(received).toEqual(Array.from({ length: 20 }, (_, i) => `n${i}`));
  });

  test("immediate: nothing is queued (sendTimeout 0 gives EAGAIN); a waiting send completes once the binder is there", async () => {
    const endpoint = fixture.endpoint("immediate.sock");
    const attempts = watchConnectAttempts();
    const impatient = fixture.track(new ref.Push({ immediate: true, sendTimeout: 0, reconnectInterval: 10 }));
    impatient.connect(endpoint);
    expect((await failure(impatient.send("dropped"))).code).toBe("EAGAIN");

    const patient = fixture.track(new ref.Push({ immediate: true, reconnectInterval: 10 }));
    patient.connect(endpoint);
    let sent = false;
    const sending = patient.send("waited").then(() => {
      sent = true;
    });
    await waitFor(() => attempts.filter((a) => a.done).length >= 2, "the first attempts of both to fail");
    expect(sent).toBe(false);

    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    await within(sending, "the waiting send");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["waited"]);
  });
});

describe("reconnection", () => {
  test("when the binder goes away, the next binder of the path is reached", async () => {
    const endpoint = fixture.endpoint("relay.sock");
    const pull = fixture.track(new ref.Pull({ reconnectInterval: 10 }));
    pull.connect(endpoint);

    const first = fixture.track(new ref.Push());
    await first.bind(endpoint);
    await first.send("from the first");
    expect(text(await within(pull.receive(), "the first binder's message"))).toEqual(["from the first"]);
    first.close();

    const second = fixture.track(new ref.Push());
    await second.bind(endpoint);
    await second.send("from the second");
    expect(text(await within(pull.receive(), "the second binder's message"))).toEqual(["from the second"]);
  });

  test("when another process binds the path (libzmq in a child), it is reached", async () => {
    const endpoint = fixture.endpoint("other-process.sock");
    const pull = fixture.track(new ref.Pull({ reconnectInterval: 10 }));
    pull.connect(endpoint);

    const local = fixture.track(new ref.Push());
    await local.bind(endpoint);
    await local.send("local");
    expect(text(await within(pull.receive(), "the local binder's message"))).toEqual(["local"]);
    local.close();

    const child = runChild(
      fixture,
      `${loadZeromqSource()}
(async () => {
  const push = new zmq.Push({ linger: 0 });
  await push.bind(${JSON.stringify(endpoint)});
  process.send("bound");
  await push.send("from pid " + process.pid);
  process.on("message", () => { push.close(); process.exit(0); });
})();
`,
    );
    const message = await within(pull.receive(), "the child's marker", CHILD_LIMIT_MS);
    expect(text(message)).toEqual([`from pid ${child.proc.pid}`]);
    child.send("done");
    expect(await child.exited).toBe(0);
  });

  test("a connection dropped by the peer is remade, and queued messages follow it", async () => {
    const endpoint = fixture.endpoint("dropped.sock");
    // A plain server that accepts and immediately drops the first connection, then hands over.
    const attempts = watchConnectAttempts();
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(fixture.path("dropped.sock"), resolve));
    fixture.defer(() => new Promise((resolve) => server.close(resolve)));

    const push = fixture.track(new ref.Push({ reconnectInterval: 10 }));
    push.connect(endpoint);
    await push.send("queued");
    await waitFor(() => attempts.some((a) => a.outcome === "connected"), "a connection to the dropping server");
    await new Promise((resolve) => server.close(resolve)); // also removes the file (libuv)

    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    expect(text(await within(pull.receive(), "the queued message"))).toEqual(["queued"]);
    expect(attempts.filter((a) => a.outcome === "connected").length).toBeGreaterThanOrEqual(2);
  });
});
