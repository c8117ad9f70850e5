import * as ref from "../../reference";
import { failure, syncFailure, text, waitForAsync, within } from "./helpers/behaviour-env";
import { explain } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";
import { useRawPeers, type RawPeer } from "./helpers/raw-peer";
import { nextRetry } from "./helpers/retry";
import { command, greeting, message, ping, ready } from "../../suites/raw-zmtp/zmtp-bytes";

/**
 * What each socket type does with what it sends and receives (libzmq 4.3's rules): PAIR's single
 * peer, REQ/REP envelopes, ROUTER routing ids and unroutable messages, SUB/XSUB/XPUB subscription
 * bookkeeping. Where only the bytes on the wire show a rule, a raw ZMTP peer plays the other side.
 */
const raw = useRawPeers(); // declared first: its afterEach destroys the raw peers before the directory goes
const fixture = useFixture();

/** A raw peer that listens at `name` in the test's directory; `accept()` takes the next connection. */
async function rawListener(name: string): Promise<{ endpoint: string; accept(): Promise<RawPeer> }> {
  const server = await raw.listen(fixture.path(name));
  return { endpoint: fixture.endpoint(name), accept: () => server.accept() };
}

/** Accepts the reference's connection and completes the handshake (ZMTP 3.1) as `peerType`. */
async function acceptAs(listener: { accept(): Promise<RawPeer> }, peerType: string): Promise<RawPeer> {
  const peer = await listener.accept();
  await peer.write(Buffer.concat([greeting(), ready(peerType)]));
  await peer.completeHandshake();
  return peer;
}

/** Connects a raw peer to the reference bound at `name` and completes the handshake as `peerType`. */
async function connectAs(name: string, peerType: string, identity?: Buffer | string): Promise<RawPeer> {
  const peer = await raw.connect(fixture.path(name));
  await peer.write(Buffer.concat([greeting(), ready(peerType, identity)]));
  await peer.completeHandshake();
  return peer;
}

/**
 * Everything the reference read from `peer` before this returns has been handled: the peer sends
 * a PING (context: at most 16 bytes, RFC 37) and waits for the PONG, which the reference writes only
 * after handling the bytes before the PING.
 */
async function pingPong(peer: RawPeer, context: string): Promise<void> {
  await peer.write(ping(0, context));
  const pong = await within(peer.readCommand(), "the PONG");
  expect([pong.name, pong.data.toString()]).toEqual(["PONG", context]);
}

/**
 * Like pingPong, for a peer the reference may hang up on instead (libzmq does, where the reference
 * drops and carries on): resolves on the PONG or on the connection closing, whichever comes first.
 * Either way, nothing the peer sent before the PING can still be delivered later.
 */
async function handledOrHungUp(peer: RawPeer, context: string, handshake = false): Promise<void> {
  await peer.write(ping(0, context)).catch(() => undefined); // the reference may have hung up already
  const answered = (async () => {
    if (handshake) await peer.completeHandshake();
    await peer.readCommand();
  })().catch(() => undefined); // "connection closed": the close settles the race below
  await within(Promise.race([answered, peer.closed]), "the PONG, or the reference hanging up");
}

async function nextCommand(peer: RawPeer): Promise<[string, string]> {
  const { name, data } = await within(peer.readCommand(), "a command from the reference");
  return [name, data.toString("latin1")];
}

const sub = (topic: string) => Buffer.concat([Buffer.from([1]), Buffer.from(topic)]);
const cancel = (topic: string) => Buffer.concat([Buffer.from([0]), Buffer.from(topic)]);
const hexOf = (frames: Buffer[]) => frames.map((frame) => frame.toString("hex"));

describe("PAIR", () => {
  test("PAIR takes nothing from a second peer while it has one; the first keeps working both ways", async () => {
    const pair = fixture.track(new ref.Pair());
    await pair.bind(fixture.endpoint("pair.sock"));
    const first = await connectAs("pair.sock", "PAIR");
    await first.write(message(["from the first"]));
    expect(text(await within(pair.receive(), "the first peer's message"))).toEqual(["from the first"]);

    // libzmq's pair_t terminates the pipe of any peer beyond the first, so nothing it sends is
    // delivered (libzmq 4.3.5 leaves that connection open; the reference closes it: both are fine here).
    const second = await raw.connect(fixture.path("pair.sock"));
    await second.write(Buffer.concat([greeting(), ready("PAIR"), message(["intruder"])]));
    await handledOrHungUp(second, "after-intruder", true);

    await first.write(message(["first again"]));
    expect(text(await within(pair.receive(), "the first peer's next message"))).toEqual(["first again"]);
    await pair.send("still to the first");
    expect(text(await within(first.readMessage(), "the message to the first peer"))).toEqual(["still to the first"]);
  });
});

describe("REP", () => {
  async function dealerToRep(): Promise<{ dealer: ref.Dealer; rep: ref.Reply }> {
    const rep = fixture.track(new ref.Reply());
    await rep.bind(fixture.endpoint("rep.sock"));
    const dealer = fixture.track(new ref.Dealer());
    dealer.connect(fixture.endpoint("rep.sock"));
    return { dealer, rep };
  }

  test("REP's EFSM errors say which call was out of turn; it is writable only while a request waits for its reply", async () => {
    const { dealer, rep } = await dealerToRep();
    expect(rep.writable).toBe(false); // ZMQ_POLLOUT only while a request waits for its reply, as libzmq's REP
    const early = await failure(rep.send("unasked"));
    expect([early.code, explain(early)]).toEqual(["EFSM", "REP must receive a request before it replies"]);
    await dealer.send(["", "question"]);
    expect(text(await within(rep.receive(), "the request"))).toEqual(["question"]);
    expect(rep.writable).toBe(true);
    const twice = await failure(rep.receive());
    expect([twice.code, explain(twice)]).toEqual(["EFSM", "REP must send the reply before it receives again"]);
    const batch = await failure(rep.receiveMany(1));
    expect([batch.code, explain(batch)]).toEqual(["EFSM", "REP must send the reply before it receives again"]);
    await rep.send("answer");
    expect(rep.writable).toBe(false);
  });

  test("REP drops a request that has no empty delimiter frame, and serves the next one", async () => {
    const { dealer, rep } = await dealerToRep();
    // Both on one connection, in order: were the first one taken, receive() would return it.
    await dealer.send(["no", "delimiter"]);
    await dealer.send(["", "proper"]);
    expect(text(await within(rep.receive(), "the well-formed request"))).toEqual(["proper"]);
  });

  test("REP keeps every frame up to the first empty one as the envelope and sends the reply back behind it", async () => {
    const { dealer, rep } = await dealerToRep();
    // As if a ROUTER on the way had added a routing id "hop" before the REQ's delimiter.
    await dealer.send(["hop", "", "question"]);
    expect(text(await within(rep.receive(), "the request"))).toEqual(["question"]);
    await rep.send("answer");
    expect(text(await within(dealer.receive(), "the reply"))).toEqual(["hop", "", "answer"]);
  });
});

describe("REQ", () => {
  test("REQ's EFSM errors say which call was out of turn", async () => {
    const listener = await rawListener("rep.sock");
    const req = fixture.track(new ref.Request());
    req.connect(listener.endpoint);
    const early = await failure(req.receive());
    expect([early.code, explain(early)]).toEqual(["EFSM", "REQ must send a request before it receives"]);
    await req.send("question");
    const twice = await failure(req.send("another"));
    expect([twice.code, explain(twice)]).toEqual(["EFSM", "REQ must receive the reply before sending again"]);
  });

  test("closing a REQ being iterated out of turn does not hide its EFSM", async () => {
    const req = fixture.track(new ref.Request());
    const iterating = (async () => {
      for await (const _message of req) return "a message";
      return "the end";
    })();
    req.close(); // after the iteration asked for a message, before its answer is read
    expect((await failure(within(iterating, "the iteration to settle"))).code).toBe("EFSM");
  });

  test("iterating a REQ that has sent nothing is the same EFSM as receive(), not a wait until close", async () => {
    const req = fixture.track(new ref.Request());
    const iterating = (async () => {
      for await (const _message of req) return "a message";
      return "the end";
    })();
    const err = await failure(within(iterating, "the iteration to settle"));
    expect([err.code, explain(err)]).toEqual(["EFSM", "REQ must send a request before it receives"]);
  });

  test.each([
    ["has no empty delimiter frame", ["no", "delimiter"]],
    ["is one frame, not empty", ["single"]],
    ["is only the empty delimiter", [""]],
  ])("REQ never delivers a reply that %s", async (_what, malformed) => {
    const listener = await rawListener("rep.sock");
    const req = fixture.track(new ref.Request({ receiveTimeout: 0 }));
    req.connect(listener.endpoint);
    const rep = await acceptAs(listener, "REP");
    await req.send("question");
    expect(text(await within(rep.readMessage(), "the request"))).toEqual(["", "question"]);
    // libzmq 4.3.5 (req_session_t) hangs up on such a reply; the reference drops it and keeps the
    // connection. Either way, once it is handled, receive() has nothing to return.
    await rep.write(message(malformed));
    await handledOrHungUp(rep, "after-malformed");
    const err = await failure(req.receive());
    expect(err.code).toBe("EAGAIN");
  });

  test("REQ takes one reply per request: a second reply from the same peer is dropped", async () => {
    const listener = await rawListener("rep.sock");
    const req = fixture.track(new ref.Request());
    req.connect(listener.endpoint);
    const rep = await acceptAs(listener, "REP");
    await req.send("first");
    expect(text(await within(rep.readMessage(), "the first request"))).toEqual(["", "first"]);
    await rep.write(Buffer.concat([message(["", "answer"]), message(["", "duplicate"])]));
    await pingPong(rep, "after-dup"); // the duplicate has been handled (and must have been dropped)
    expect(text(await within(req.receive(), "the reply"))).toEqual(["answer"]);

    await req.send("second");
    expect(text(await within(rep.readMessage(), "the second request"))).toEqual(["", "second"]);
    await rep.write(message(["", "second answer"]));
    expect(text(await within(req.receive(), "the second reply"))).toEqual(["second answer"]);
  });

  test("REQ takes the reply only from the peer it sent the request to", async () => {
    const a = await rawListener("a.sock");
    const b = await rawListener("b.sock");
    const req = fixture.track(new ref.Request());
    req.connect(a.endpoint); // its pipe exists from connect() on: the first request goes to it
    req.connect(b.endpoint);
    const peerA = await acceptAs(a, "REP");
    const peerB = await acceptAs(b, "REP");
    await req.send("for a");
    expect(text(await within(peerA.readMessage(), "the request at a"))).toEqual(["", "for a"]);

    await peerB.write(message(["", "impostor"]));
    await pingPong(peerB, "after-impostor"); // handled (and must have been dropped) before a answers
    await peerA.write(message(["", "from a"]));
    expect(text(await within(req.receive(), "the reply"))).toEqual(["from a"]);
  });
});

/** A mandatory ROUTER gives no sign of a peer leaving: probe until a send to `id` fails with EHOSTUNREACH. */
async function unroutable(router: ref.Router, id: string): Promise<void> {
  await waitForAsync(
    () =>
      router.send([id, "probe"]).then(
        () => false,
        (err: { code?: string }) => err.code === "EHOSTUNREACH",
      ),
    `${id} to become unroutable`,
  );
}

describe("ROUTER", () => {
  test("connect(address, { routingId }) names the peer there: a mandatory ROUTER may send to it before it exists, and hears it under that id", async () => {
    const router = fixture.track(new ref.Router({ mandatory: true }));
    const endpoint = fixture.endpoint("named.sock");
    router.connect(endpoint, { routingId: "remote" });
    await within(router.send(["remote", "queued before the peer exists"]), "a send to the named endpoint");
    const dealer = fixture.track(new ref.Dealer({ routingId: "its-own-id" }));
    await dealer.bind(endpoint);
    expect(text(await within(dealer.receive(), "the queued message"))).toEqual(["queued before the peer exists"]);
    await dealer.send("back");
    expect(text(await within(router.receive(), "the reply"))).toEqual(["remote", "back"]);
  });

  test("a connect routing id must be 1 to 255 bytes and not already in use (EINVAL, saying which)", () => {
    const router = fixture.track(new ref.Router());
    router.connect(fixture.endpoint("a.sock"), { routingId: "taken" });
    router.connect(fixture.endpoint("longest.sock"), { routingId: "x".repeat(255) });
    const refused = ["", "x".repeat(256), "taken"].map((routingId, i) => {
      const endpoint = fixture.endpoint(`b${i}.sock`);
      const err = syncFailure(() => router.connect(endpoint, { routingId }));
      return [err.code, explain(err).replace(`: ${endpoint}`, "")];
    });
    expect(refused).toEqual([
      ["EINVAL", 'a connect routing id must be a string of 1 to 255 bytes, not ""'],
      ["EINVAL", `a connect routing id must be a string of 1 to 255 bytes, not "${"x".repeat(256)}"`],
      ["EINVAL", 'routing id "taken" is already in use'],
    ]);
  });

  test("a peer named by connect() that leaves keeps its routing id: sends to it are accepted and reach the next peer there", async () => {
    const router = fixture.track(new ref.Router({ mandatory: true }));
    const endpoint = fixture.endpoint("named.sock");
    router.connect(endpoint, { routingId: "remote" });
    const first = fixture.track(new ref.Dealer());
    await first.bind(endpoint);
    await router.send(["remote", "to the first"]);
    expect(text(await within(first.receive(), "the first peer's message"))).toEqual(["to the first"]);
    first.close();
    // The ROUTER gives no sign of the disconnect: send until the next peer there receives. Every
    // send must be accepted meanwhile, also while no connection is up (EHOSTUNREACH would fail it).
    const second = fixture.track(new ref.Dealer());
    await second.bind(endpoint);
    let arrived = false;
    const arrival = within(second.receive(), "a message sent after the first peer left").finally(() => (arrived = true));
    while (!arrived) {
      await within(router.send(["remote", "after the first left"]), "a send to the departed named peer");
      await Promise.race([arrival, nextRetry()]);
    }
    expect(text(await arrival)).toEqual(["after the first left"]);
  });

  test("a peer a ROUTER connected to without naming it takes its Identity with it when it leaves", async () => {
    const router = fixture.track(new ref.Router({ mandatory: true }));
    const endpoint = fixture.endpoint("anonymous.sock");
    const dealer = fixture.track(new ref.Dealer({ routingId: "peer-y" }));
    await dealer.bind(endpoint);
    router.connect(endpoint);
    await dealer.send("hello");
    expect(text(await within(router.receive(), "the peer's message"))).toEqual(["peer-y", "hello"]);
    dealer.close();
    await unroutable(router, "peer-y");
  });

  test("disconnect() frees the routing id that connect() gave: it may name another endpoint, and is unroutable meanwhile", async () => {
    const router = fixture.track(new ref.Router({ mandatory: true }));
    router.connect(fixture.endpoint("first.sock"), { routingId: "moving" });
    router.disconnect(fixture.endpoint("first.sock"));
    expect((await failure(router.send(["moving", "nowhere"]))).code).toBe("EHOSTUNREACH");
    router.connect(fixture.endpoint("second.sock"), { routingId: "moving" });
    await within(router.send(["moving", "queued for the second"]), "a send to the renamed endpoint");
  });

  test("ROUTER's generated routing ids are 0x00 + a 32-bit counter that goes up by one per anonymous peer", async () => {
    const router = fixture.track(new ref.Router());
    await router.bind(fixture.endpoint("router.sock"));
    const ids: Buffer[] = [];
    for (const name of ["one", "two"]) {
      const peer = await connectAs("router.sock", "DEALER");
      await peer.write(message([name]));
      const [id, body] = await within(router.receive(), `the message of peer ${name}`);
      expect(body.toString()).toBe(name);
      ids.push(id);
    }
    for (const id of ids) expect([id.length, id[0]]).toEqual([5, 0]);
    expect(ids[1].readUInt32BE(1)).toBe((ids[0].readUInt32BE(1) + 1) >>> 0);
  });

  test("two ROUTERs do not start their generated routing ids at the same value (libzmq starts at a random one)", async () => {
    const firstIds: string[] = [];
    for (const name of ["r1.sock", "r2.sock"]) {
      const router = fixture.track(new ref.Router());
      await router.bind(fixture.endpoint(name));
      const peer = await connectAs(name, "DEALER");
      await peer.write(message(["hello"]));
      const [id] = await within(router.receive(), "the peer's message");
      firstIds.push(id.toString("hex"));
    }
    // Equal only with probability 2^-32 when the start is random.
    expect(firstIds[0]).not.toBe(firstIds[1]);
  });

  test("a default ROUTER is not mandatory: a message to an unknown id, or with no frame at all, is dropped silently", async () => {
    const router = fixture.track(new ref.Router());
    expect(router.mandatory).toBe(false);
    await router.bind(fixture.endpoint("router.sock"));
    await expect(within(router.send(["nobody", "lost"]), "the unroutable send")).resolves.toBeUndefined();
    await expect(within(router.send([]), "the send of no frames")).resolves.toBeUndefined();
  });

  test("a mandatory ROUTER fails an unroutable message with EHOSTUNREACH naming the problem", async () => {
    const router = fixture.track(new ref.Router({ mandatory: true }));
    await router.bind(fixture.endpoint("router.sock"));
    const err = await failure(router.send(["nobody", "lost"]));
    expect([err.code, explain(err)]).toEqual(["EHOSTUNREACH", "no peer with that routing id"]);
  });

  test("a peer that leaves takes its routing id with it; reconnecting with the same Identity gets it back", async () => {
    const router = fixture.track(new ref.Router({ mandatory: true }));
    await router.bind(fixture.endpoint("router.sock"));
    const first = await connectAs("router.sock", "DEALER", "peer-x");
    await first.write(message(["first"]));
    expect(text(await within(router.receive(), "the first message"))).toEqual(["peer-x", "first"]);

    first.destroy();
    await unroutable(router, "peer-x");

    const again = await connectAs("router.sock", "DEALER", "peer-x");
    await again.write(message(["again"]));
    expect(text(await within(router.receive(), "the message after reconnecting"))).toEqual(["peer-x", "again"]);
  });

  /** A ROUTER with a send high-water mark of 1 and a DEALER "peer" it has heard from. */
  async function routerWithPeer(mandatory: boolean): Promise<{ router: ref.Router; dealer: ref.Dealer }> {
    const router = fixture.track(new ref.Router({ mandatory, sendHighWaterMark: 1 }));
    await router.bind(fixture.endpoint("router.sock"));
    const dealer = fixture.track(new ref.Dealer({ routingId: "peer" }));
    dealer.connect(fixture.endpoint("router.sock"));
    await dealer.send("hello");
    expect(text(await within(router.receive(), "the dealer's hello"))).toEqual(["peer", "hello"]);
    return { router, dealer };
  }

  test("a ROUTER drops a message for a peer whose pipe is at the high-water mark", async () => {
    const { router, dealer } = await routerWithPeer(false);
    // Same turn of the event loop: "1" is still queued in the pipe (HWM 1) when "2" is routed.
    const one = router.send(["peer", "1"]);
    const two = router.send(["peer", "2"]);
    await within(Promise.all([one, two]), "both sends to resolve");
    expect(text(await within(dealer.receive(), "the first message"))).toEqual(["1"]);
    await router.send(["peer", "3"]);
    expect(text(await within(dealer.receive(), "the next message"))).toEqual(["3"]);
  });

  test("a mandatory ROUTER waits for room at the high-water mark instead of dropping", async () => {
    const { router, dealer } = await routerWithPeer(true);
    const one = router.send(["peer", "1"]);
    const two = router.send(["peer", "2"]); // waits until "1" has left the pipe
    await within(Promise.all([one, two]), "both sends to resolve");
    await router.send(["peer", "3"]);
    const received: string[] = [];
    for (let i = 0; i < 3; i++) received.push(...text(await within(dealer.receive(), `message ${i + 1}`)));
    expect(received).toEqual(["1", "2", "3"]);
  });
});

describe("SUB", () => {
  async function subscriberWithRawPublisher(): Promise<{ subscriber: ref.Subscriber; publisher: RawPeer }> {
    const listener = await rawListener("pub.sock");
    const subscriber = fixture.track(new ref.Subscriber());
    subscriber.connect(listener.endpoint);
    return { subscriber, publisher: await acceptAs(listener, "PUB") };
  }

  test("SUB filters what arrives: a publisher that ignores subscriptions cannot deliver other topics", async () => {
    const { subscriber, publisher } = await subscriberWithRawPublisher();
    subscriber.subscribe("A");
    expect(await nextCommand(publisher)).toEqual(["SUBSCRIBE", "A"]);
    await publisher.write(Buffer.concat([message(["B", "not subscribed"]), message(["A", "subscribed"])]));
    expect(text(await within(subscriber.receive(), "the subscribed message"))).toEqual(["A", "subscribed"]);
  });

  test("subscribe() and unsubscribe() with no topic mean the empty prefix: everything", async () => {
    const { subscriber, publisher } = await subscriberWithRawPublisher();
    subscriber.subscribe();
    expect(await nextCommand(publisher)).toEqual(["SUBSCRIBE", ""]);
    await publisher.write(message(["any topic", "body"]));
    expect(text(await within(subscriber.receive(), "the message"))).toEqual(["any topic", "body"]);
    subscriber.unsubscribe();
    expect(await nextCommand(publisher)).toEqual(["CANCEL", ""]);
  });

  test("SUB sends no CANCEL for a topic it never subscribed to", async () => {
    const { subscriber, publisher } = await subscriberWithRawPublisher();
    subscriber.subscribe("first");
    expect(await nextCommand(publisher)).toEqual(["SUBSCRIBE", "first"]); // the connection is attached
    subscriber.unsubscribe("never");
    subscriber.subscribe("next");
    expect(await nextCommand(publisher)).toEqual(["SUBSCRIBE", "next"]);
  });
});

describe("SUB and XSUB keep their subscriptions across connections", () => {
  /** How each type subscribes: SUB by subscribe(), XSUB by a 0x01 message. */
  const subscribers = {
    SUB: async (topic: string) => {
      const socket = fixture.track(new ref.Subscriber());
      return { socket, subscribe: async () => socket.subscribe(topic) };
    },
    XSUB: async (topic: string) => {
      const socket = fixture.track(new ref.XSubscriber());
      return { socket, subscribe: () => socket.send(sub(topic)) };
    },
  };

  test.each(Object.keys(subscribers) as Array<keyof typeof subscribers>)(
    "%s: a topic subscribed before connect() is sent once the connection is up",
    async (type) => {
      const listener = await rawListener("pub.sock");
      const { socket, subscribe } = await subscribers[type]("early");
      await subscribe();
      socket.connect(listener.endpoint);
      expect(await nextCommand(await acceptAs(listener, "PUB"))).toEqual(["SUBSCRIBE", "early"]);
    },
  );

  test.each(Object.keys(subscribers) as Array<keyof typeof subscribers>)(
    "%s: after its publisher's connection is lost, the next connection gets every topic again",
    async (type) => {
      const listener = await rawListener("pub.sock");
      const { socket, subscribe } = await subscribers[type]("kept");
      socket.connect(listener.endpoint);
      const first = await acceptAs(listener, "PUB");
      await subscribe();
      expect(await nextCommand(first)).toEqual(["SUBSCRIBE", "kept"]);
      first.destroy();
      expect(await nextCommand(await acceptAs(listener, "PUB"))).toEqual(["SUBSCRIBE", "kept"]);
    },
  );
});

describe("XSUB", () => {
  test("XSUB sends no CANCEL for a topic it never subscribed to", async () => {
    const listener = await rawListener("pub.sock");
    const xsub = fixture.track(new ref.XSubscriber());
    xsub.connect(listener.endpoint);
    const publisher = await acceptAs(listener, "PUB");
    await xsub.send(sub("first"));
    expect(await nextCommand(publisher)).toEqual(["SUBSCRIBE", "first"]); // the connection is attached
    await xsub.send(cancel("never"));
    await xsub.send(sub("next"));
    expect(await nextCommand(publisher)).toEqual(["SUBSCRIBE", "next"]);
  });

  test("XSUB drops an upstream message for a publisher whose pipe is at the high-water mark (XSUB never blocks)", async () => {
    const xpub = fixture.track(new ref.XPublisher());
    await xpub.bind(fixture.endpoint("xpub.sock"));
    const xsub = fixture.track(new ref.XSubscriber({ sendHighWaterMark: 1 }));
    xsub.connect(fixture.endpoint("xpub.sock"));
    await xsub.send(sub("sync"));
    expect(hexOf(await within(xpub.receive(), "the subscription"))).toEqual(hexOf([sub("sync")]));
    // Same turn of the event loop: "one" is still queued in the pipe (HWM 1) when "two" is routed.
    const one = xsub.send("one");
    const two = xsub.send("two");
    await within(Promise.all([one, two]), "both sends to resolve");
    expect(text(await within(xpub.receive(), "the first upstream message"))).toEqual(["one"]);
    await xsub.send("three");
    expect(text(await within(xpub.receive(), "the next upstream message"))).toEqual(["three"]);
  });
});

describe("XPUB", () => {
  async function xpubWithSubscribers(options: Partial<ref.XPublisherOptions> = {}): Promise<{ xpub: ref.XPublisher; s1: ref.Subscriber; s2: ref.Subscriber }> {
    const xpub = fixture.track(new ref.XPublisher(options));
    await xpub.bind(fixture.endpoint("xpub.sock"));
    const s1 = fixture.track(new ref.Subscriber());
    s1.connect(fixture.endpoint("xpub.sock"));
    const s2 = fixture.track(new ref.Subscriber());
    s2.connect(fixture.endpoint("xpub.sock"));
    return { xpub, s1, s2 };
  }
  const next = async (xpub: ref.XPublisher) => hexOf(await within(xpub.receive(), "what the XPUB passes up"));

  test("XPUB passes a topic's cancel up only when the last subscriber to it cancels", async () => {
    const { xpub, s1, s2 } = await xpubWithSubscribers();
    s1.subscribe("A");
    expect(await next(xpub)).toEqual(hexOf([sub("A")]));
    s2.subscribe("A"); // not passed up: A is already subscribed
    s2.subscribe("C"); // passed up after s2's A: from then on the XPUB counts two subscribers to A
    expect(await next(xpub)).toEqual(hexOf([sub("C")]));

    s1.unsubscribe("A"); // s2 still wants A: nothing passed up
    s1.subscribe("B");
    expect(await next(xpub)).toEqual(hexOf([sub("B")]));
    s2.unsubscribe("A");
    expect(await next(xpub)).toEqual(hexOf([cancel("A")]));
  });

  test("a subscriber that disconnects cancels the topics it alone was subscribed to, and only those", async () => {
    const { xpub, s1, s2 } = await xpubWithSubscribers();
    s1.subscribe("A", "X");
    expect(await next(xpub)).toEqual(hexOf([sub("A")]));
    expect(await next(xpub)).toEqual(hexOf([sub("X")]));
    s2.subscribe("A", "C");
    expect(await next(xpub)).toEqual(hexOf([sub("C")])); // s2's A has been counted

    s1.close();
    // X had only s1; A still has s2. All of s1's cancels are passed up at once, when it is detached.
    expect(await next(xpub)).toEqual(hexOf([cancel("X")]));
    s2.subscribe("D");
    expect(await next(xpub)).toEqual(hexOf([sub("D")]));
  });

  test("a peer that subscribes to a topic twice counts once: after its cancels the topic is gone, and the next subscriber's is passed up", async () => {
    const xpub = fixture.track(new ref.XPublisher());
    await xpub.bind(fixture.endpoint("xpub.sock"));
    const peer = await connectAs("xpub.sock", "SUB");
    await peer.write(Buffer.concat([command("SUBSCRIBE", "A"), command("SUBSCRIBE", "A"), command("SUBSCRIBE", "B")]));
    expect(await next(xpub)).toEqual(hexOf([sub("A")]));
    expect(await next(xpub)).toEqual(hexOf([sub("B")])); // the second A is not passed up
    await peer.write(Buffer.concat([command("CANCEL", "A"), command("CANCEL", "A")]));
    expect(await next(xpub)).toEqual(hexOf([cancel("A")])); // counted per peer: the second CANCEL is its last
    const s2 = fixture.track(new ref.Subscriber());
    s2.connect(fixture.endpoint("xpub.sock"));
    s2.subscribe("A");
    expect(await next(xpub)).toEqual(hexOf([sub("A")])); // nobody held A any more: first again
  });

  test('verbosity "allSubs" (ZMQ_XPUB_VERBOSE) passes every subscription up, and a cancel still only from the last subscriber', async () => {
    const { xpub, s1, s2 } = await xpubWithSubscribers({ verbosity: "allSubs" });
    expect(xpub.verbosity).toBe("allSubs");
    s1.subscribe("A");
    expect(await next(xpub)).toEqual(hexOf([sub("A")]));
    s2.subscribe("A");
    expect(await next(xpub)).toEqual(hexOf([sub("A")]));
    s1.unsubscribe("A");
    s1.subscribe("B");
    expect(await next(xpub)).toEqual(hexOf([sub("B")]));
    s2.close();
    expect(await next(xpub)).toEqual(hexOf([cancel("A")]));
  });

  test('verbosity "allSubsUnsubs" (ZMQ_XPUB_VERBOSER) passes every cancel up too, also a departed peer\'s', async () => {
    const { xpub, s1, s2 } = await xpubWithSubscribers();
    xpub.verbosity = "allSubsUnsubs"; // settable after creation, as in zeromq.js
    s1.subscribe("A");
    expect(await next(xpub)).toEqual(hexOf([sub("A")]));
    s2.subscribe("A");
    expect(await next(xpub)).toEqual(hexOf([sub("A")]));
    s1.unsubscribe("A");
    expect(await next(xpub)).toEqual(hexOf([cancel("A")]));
    s2.close();
    expect(await next(xpub)).toEqual(hexOf([cancel("A")]));
  });

  test('verbosity "allSubsUnsubs" passes up the cancel of a peer that departs while another still holds the topic', async () => {
    const { xpub, s1, s2 } = await xpubWithSubscribers({ verbosity: "allSubsUnsubs" });
    s1.subscribe("A");
    expect(await next(xpub)).toEqual(hexOf([sub("A")]));
    s2.subscribe("A");
    expect(await next(xpub)).toEqual(hexOf([sub("A")]));
    s1.close();
    expect(await next(xpub)).toEqual(hexOf([cancel("A")]));
  });

  test("an XPUB is always writable: a message no subscriber takes is dropped, never waited on", () => {
    const xpub = fixture.track(new ref.XPublisher());
    expect(xpub.writable).toBe(true);
  });

  test('verbosity is null by default, and only null, "allSubs" or "allSubsUnsubs" are accepted (EINVAL otherwise)', () => {
    const xpub = fixture.track(new ref.XPublisher());
    expect(xpub.verbosity).toBeNull();
    const refused = syncFailure(() => (xpub.verbosity = "all" as never));
    expect([refused.code, explain(refused)]).toEqual(["EINVAL", 'verbosity must be null, "allSubs" or "allSubsUnsubs", not "all"']);
    expect(syncFailure(() => new ref.XPublisher({ verbosity: true as never })).code).toBe("EINVAL");
    expect(() => new ref.Publisher({ verbosity: "allSubs" } as never)).toThrow(TypeError); // an XPUB option only: unknown to PUB, as in zeromq.js
  });
});
