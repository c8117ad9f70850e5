import * as ref from "../../reference";
import { failure, syncFailure, text, waitFor, within } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";

/** The error codes of the socket state machines: EFSM, EAGAIN, EBUSY, EBADF. */
const fixture = useFixture();

async function requestReplyPair(): Promise<{ req: ref.Request; rep: ref.Reply }> {
  const endpoint = fixture.endpoint("rr.sock");
  const rep = fixture.track(new ref.Reply());
  await rep.bind(endpoint);
  const req = fixture.track(new ref.Request());
  req.connect(endpoint);
  return { req, rep };
}

describe("REQ / REP alternation", () => {
  test("REQ: receive before send is EFSM; send twice is EFSM; after the reply it may send again", async () => {
    const { req, rep } = await requestReplyPair();
    expect((await failure(req.receive())).code).toBe("EFSM");
    await req.send("first");
    expect((await failure(req.send("second"))).code).toBe("EFSM");

    expect(text(await within(rep.receive(), "the request"))).toEqual(["first"]);
    await rep.send("reply");
    expect(text(await within(req.receive(), "the reply"))).toEqual(["reply"]);
    await req.send("third");
    expect(text(await within(rep.receive(), "the next request"))).toEqual(["third"]);
  });

  test("REP: send before receive is EFSM; receive twice is EFSM; after replying it may receive again", async () => {
    const { req, rep } = await requestReplyPair();
    expect((await failure(rep.send("unasked"))).code).toBe("EFSM");
    await req.send("question");
    expect(text(await within(rep.receive(), "the request"))).toEqual(["question"]);
    expect((await failure(rep.receive())).code).toBe("EFSM");
    await rep.send("answer");
    expect(text(await within(req.receive(), "the reply"))).toEqual(["answer"]);
    await req.send("again");
    expect(text(await within(rep.receive(), "the second request"))).toEqual(["again"]);
  });
});

describe("timeouts", () => {
  test("receiveTimeout 0 with nothing queued: EAGAIN at once", async () => {
    const pull = fixture.track(new ref.Pull({ receiveTimeout: 0 }));
    await pull.bind(fixture.endpoint("empty.sock"));
    expect((await failure(pull.receive())).code).toBe("EAGAIN");
  });

  test("receiveTimeout > 0: EAGAIN after (not before) the timeout; a message in time is delivered", async () => {
    const endpoint = fixture.endpoint("timed.sock");
    const pull = fixture.track(new ref.Pull({ receiveTimeout: 50 }));
    await pull.bind(endpoint);
    const started = Date.now();
    expect((await failure(pull.receive())).code).toBe("EAGAIN");
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);

    pull.receiveTimeout = -1;
    const push = fixture.track(new ref.Push());
    push.connect(endpoint);
    await push.send("in time");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["in time"]);
  });

  test.each([
    ["not connected anywhere", false],
    ["connected (immediate) to a path nobody binds", true],
  ])("PUSH with no peer, %s: sendTimeout 0 is EAGAIN at once, sendTimeout 50 is EAGAIN after it", async (_, connect) => {
    const push = fixture.track(new ref.Push({ immediate: true, sendTimeout: 0 }));
    if (connect) push.connect(fixture.endpoint("nobody.sock"));
    expect((await failure(push.send("now"))).code).toBe("EAGAIN");
    push.sendTimeout = 50;
    const started = Date.now();
    expect((await failure(push.send("later"))).code).toBe("EAGAIN");
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });

  test("a send that timed out leaves the socket usable: the next send goes through", async () => {
    const endpoint = fixture.endpoint("recover.sock");
    const push = fixture.track(new ref.Push({ immediate: true, sendTimeout: 20, reconnectInterval: 10 }));
    push.connect(endpoint);
    expect((await failure(push.send("lost"))).code).toBe("EAGAIN");
    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    push.sendTimeout = -1;
    await within(push.send("kept"), "the send once connected");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["kept"]);
  });
});

describe("one operation of a kind at a time", () => {
  test("a second receive while one waits throws EBUSY; the first still gets the message", async () => {
    const endpoint = fixture.endpoint("busy.sock");
    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    const first = pull.receive();
    expect(syncFailure(() => pull.receive()).code).toBe("EBUSY"); // thrown at once, as in zeromq.js
    const push = fixture.track(new ref.Push());
    push.connect(endpoint);
    await push.send("for the first");
    expect(text(await within(first, "the first receive"))).toEqual(["for the first"]);
  });

  test("a second send while one waits throws EBUSY", async () => {
    const push = fixture.track(new ref.Push({ immediate: true }));
    const waiting = push.send("waits");
    waiting.catch(() => undefined);
    expect(syncFailure(() => push.send("busy")).code).toBe("EBUSY");
  });
});

describe("after close", () => {
  test("send, receive, bind, unbind, connect and disconnect throw EBADF at once, as in zeromq.js", async () => {
    const endpoint = fixture.endpoint("closed.sock");
    const dealer = fixture.track(new ref.Dealer());
    await dealer.bind(endpoint);
    dealer.connect(fixture.endpoint("other.sock"));
    dealer.close();
    expect(dealer.closed).toBe(true);
    expect(syncFailure(() => dealer.send("x")).code).toBe("EBADF");
    expect(syncFailure(() => dealer.receive()).code).toBe("EBADF");
    expect(syncFailure(() => dealer.bind(fixture.endpoint("new.sock"))).code).toBe("EBADF");
    expect(syncFailure(() => dealer.unbind(endpoint)).code).toBe("EBADF");
    expect(syncFailure(() => dealer.connect(endpoint)).code).toBe("EBADF");
    expect(syncFailure(() => dealer.disconnect(fixture.endpoint("other.sock"))).code).toBe("EBADF");
    expect(fixture.list()).toEqual([]);
  });

  test("close twice is harmless", () => {
    const pull = fixture.track(new ref.Pull());
    pull.close();
    expect(() => pull.close()).not.toThrow();
  });

  test("a receive and a send waiting at close are settled (rejected), not left hanging", async () => {
    const pull = fixture.track(new ref.Pull());
    const receiving = pull.receive();
    const push = fixture.track(new ref.Push({ immediate: true }));
    const sending = push.send("never");
    pull.close();
    push.close();
    await expect(within(receiving, "the receive to settle")).rejects.toHaveProperty("code");
    await expect(within(sending, "the send to settle")).rejects.toHaveProperty("code");
  });
});

describe("readable and writable say whether receive() and send() would complete at once, as zeromq.js's", () => {
  test("a fresh PUSH cannot send (no peer, no pipe); once connected its queue can take messages", () => {
    const push = fixture.track(new ref.Push());
    expect([push.readable, push.writable]).toEqual([false, false]);
    push.connect(fixture.endpoint("nobody.sock"));
    expect(push.writable).toBe(true);
  });

  test("a PULL is readable exactly while a message waits, and never writable", async () => {
    const endpoint = fixture.endpoint("readable.sock");
    const pull = fixture.track(new ref.Pull());
    await pull.bind(endpoint);
    const push = fixture.track(new ref.Push());
    push.connect(endpoint);
    expect([pull.readable, pull.writable]).toEqual([false, false]);
    await push.send("waiting");
    await waitFor(() => pull.readable, "the message to wait at the PULL");
    expect(text(await within(pull.receive(), "the message"))).toEqual(["waiting"]);
    expect(pull.readable).toBe(false);
  });

  test("a REQ is not writable while it awaits its reply; PUB, XSUB and ROUTER always are", async () => {
    const req = fixture.track(new ref.Request());
    req.connect(fixture.endpoint("rep.sock"));
    expect(req.writable).toBe(true);
    await within(req.send("question"), "the request queued");
    expect(req.writable).toBe(false);
    expect([new ref.Publisher(), new ref.XSubscriber(), new ref.Router()].map((socket) => fixture.track(socket).writable)).toEqual([true, true, true]);
  });

  test("a closed socket is neither", () => {
    const dealer = fixture.track(new ref.Dealer());
    dealer.connect(fixture.endpoint("x.sock"));
    dealer.close();
    expect([dealer.readable, dealer.writable]).toEqual([false, false]);
  });
});

describe("sockets are sealed, as zeromq.js's: a misspelt option is a TypeError, never an inert property", () => {
  test("in the constructor", () => {
    expect(() => new ref.Dealer({ sendTimout: 5 } as never)).toThrow(new TypeError("Cannot add property sendTimout, object is not extensible"));
  });

  test("set later", () => {
    const dealer = fixture.track(new ref.Dealer());
    expect(() => ((dealer as unknown as Record<string, unknown>).sendTimout = 5)).toThrow(TypeError);
    dealer.sendTimeout = 5;
    expect(dealer.sendTimeout).toBe(5);
  });

  test("ROUTER's and XPUB's own options are set from the constructor like the others", () => {
    expect(fixture.track(new ref.Router({ mandatory: true })).mandatory).toBe(true);
    expect(fixture.track(new ref.XPublisher({ verbosity: "allSubs" })).verbosity).toBe("allSubs");
  });
});

describe("option values are checked when set, as zeromq.js and libzmq check them", () => {
  test.each([
    ["linger", "x", "Option value must be a number"],
    ["immediate", 1, "Option value must be a boolean"],
    ["routingId", 5, "Option value must be a string or buffer"],
    ["backlog", "10", "Option value must be a number"],
  ])("%s = %j is a TypeError", (name, value, message) => {
    const dealer = fixture.track(new ref.Dealer());
    expect(() => ((dealer as unknown as Record<string, unknown>)[name] = value)).toThrow(new TypeError(message));
    expect(() => new ref.Dealer({ [name]: value } as never)).toThrow(new TypeError(message));
  });

  test.each([
    ["linger", -5],
    ["sendHighWaterMark", -1],
    ["handshakeInterval", -1],
  ])("%s = %j is out of libzmq's range: EINVAL", (name, value) => {
    const dealer = fixture.track(new ref.Dealer());
    expect(syncFailure(() => ((dealer as unknown as Record<string, unknown>)[name] = value)).code).toBe("EINVAL");
  });

  test("a number is truncated to an integer, and a routing id may be a Buffer", () => {
    const dealer = fixture.track(new ref.Dealer({ sendTimeout: 1.5, routingId: Buffer.from("ab") as never }));
    expect([dealer.sendTimeout, dealer.routingId]).toEqual([1, "ab"]);
  });

  test("lastEndpoint is read-only", () => {
    const pull = fixture.track(new ref.Pull());
    expect(() => ((pull as unknown as { lastEndpoint: string }).lastEndpoint = "ipc://x")).toThrow(TypeError);
  });

  test("securityMechanism is null (the NULL mechanism, the only one the reference speaks) and read-only, in the constructor too", () => {
    const pull = fixture.track(new ref.Pull());
    expect(pull.securityMechanism).toBeNull();
    expect(() => ((pull as unknown as { securityMechanism: string }).securityMechanism = "plain")).toThrow(
      /Cannot set property securityMechanism of .* which has only a getter/,
    );
    expect(() => new ref.Pull({ securityMechanism: "plain" } as never)).toThrow(/Cannot set property securityMechanism/);
  });
});
