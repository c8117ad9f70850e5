import { EventEmitter } from "node:events";
import * as net from "node:net";
import { IpcConnecter, type ReconnectOptions } from "./ipc-connecter";

// The reconnect rules, with connections and the clock played by the test: when an attempt is
// made, after how long, and when none may be. behaviour-connect.test.ts covers the same rules
// end to end with real binders; here each rule is pinned without waiting for real intervals.

/** What net.createConnection returned: the test decides whether it connects or fails. */
class FakeAttempt extends EventEmitter {
  destroyed = false;
  destroy(): void {
    this.destroyed = true;
  }
  connect(): void {
    this.emit("connect");
  }
  fail(code = "ENOENT"): void {
    this.emit("error", Object.assign(new Error(code), { code }));
  }
}

// The module object itself: `import * as net` gives a namespace of getters, which cannot be spied
// on, but they read from this object, which the connecter's own import reads from too.
const netModule: typeof net = require("node:net");

let attempts: FakeAttempt[];
let connected: FakeAttempt[];

beforeEach(() => {
  jest.useFakeTimers();
  attempts = [];
  connected = [];
  jest.spyOn(netModule, "createConnection").mockImplementation(() => {
    const attempt = new FakeAttempt();
    attempts.push(attempt);
    return attempt as unknown as net.Socket;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

function connecter(options: ReconnectOptions): IpcConnecter {
  return new IpcConnecter("/run/app.sock", options, (socket) => connected.push(socket as unknown as FakeAttempt));
}

test("start() makes one attempt at the path; a failure is retried after the interval, not before", () => {
  const c = connecter({ reconnectInterval: 100, reconnectMaxInterval: 0 });
  c.start();
  expect(attempts).toHaveLength(1);
  expect(netModule.createConnection).toHaveBeenCalledWith({ path: "/run/app.sock" });
  attempts[0].fail();
  expect(attempts[0].destroyed).toBe(true);
  jest.advanceTimersByTime(99);
  expect(attempts).toHaveLength(1);
  jest.advanceTimersByTime(1);
  expect(attempts).toHaveLength(2);
});

test("a connected socket is handed over, and its later errors are the session's: no retry of our own", () => {
  const c = connecter({ reconnectInterval: 100, reconnectMaxInterval: 0 });
  c.start();
  attempts[0].connect();
  expect(connected).toEqual([attempts[0]]);
  attempts[0].on("error", () => undefined); // the session's own handler
  attempts[0].fail("ECONNRESET");
  jest.advanceTimersByTime(1_000);
  expect(attempts).toHaveLength(1);
  expect(attempts[0].destroyed).toBe(false);
  c.connectionLost(); // what the session says when it sees the connection go
  jest.advanceTimersByTime(100);
  expect(attempts).toHaveLength(2);
});

test("a loss reported twice schedules one attempt, not two", () => {
  const c = connecter({ reconnectInterval: 100, reconnectMaxInterval: 0 });
  c.start();
  attempts[0].connect();
  c.connectionLost();
  c.connectionLost();
  jest.advanceTimersByTime(1_000);
  expect(attempts).toHaveLength(2);
});

test("reconnectInterval 0 retries at once (on the next turn of the event loop); -1 never retries", () => {
  const immediate = connecter({ reconnectInterval: 0, reconnectMaxInterval: 0 });
  immediate.start();
  attempts[0].fail();
  jest.advanceTimersByTime(0);
  expect(attempts).toHaveLength(2);

  const never = connecter({ reconnectInterval: -1, reconnectMaxInterval: 0 });
  never.start();
  attempts[2].fail();
  jest.advanceTimersByTime(60_000);
  expect(attempts).toHaveLength(3);
});

test("with reconnectMaxInterval, consecutive failures double the interval up to the maximum", () => {
  const c = connecter({ reconnectInterval: 100, reconnectMaxInterval: 350 });
  c.start();
  const delays: number[] = [];
  for (let i = 0; i < 4; i++) {
    attempts[attempts.length - 1].fail();
    const before = attempts.length;
    let waited = 0;
    while (attempts.length === before) {
      jest.advanceTimersByTime(1);
      waited++;
    }
    delays.push(waited);
  }
  expect(delays).toEqual([100, 200, 350, 350]);
});

test("an established connection resets the backoff: the next loss waits the base interval again", () => {
  const c = connecter({ reconnectInterval: 100, reconnectMaxInterval: 1_000 });
  c.start();
  attempts[0].fail(); // next wait 100, then 200
  jest.advanceTimersByTime(100);
  attempts[1].fail();
  jest.advanceTimersByTime(200);
  attempts[2].connect();
  c.connectionEstablished();
  c.connectionLost();
  jest.advanceTimersByTime(99);
  expect(attempts).toHaveLength(3);
  jest.advanceTimersByTime(1);
  expect(attempts).toHaveLength(4);
});

test("stop() ends everything: the attempt in flight is destroyed, no retry is scheduled, start() does nothing", () => {
  const c = connecter({ reconnectInterval: 100, reconnectMaxInterval: 0 });
  c.start();
  const inFlight = attempts[0];
  c.stop();
  expect(inFlight.destroyed).toBe(true);
  c.connectionLost();
  c.start();
  jest.advanceTimersByTime(60_000);
  expect(attempts).toHaveLength(1);
});

test("stop() cancels a retry already scheduled", () => {
  const c = connecter({ reconnectInterval: 100, reconnectMaxInterval: 0 });
  c.start();
  attempts[0].fail();
  c.stop();
  jest.advanceTimersByTime(60_000);
  expect(attempts).toHaveLength(1);
});
