/**
 * Interoperability of the reference with libzmq (zeromq.js 6.8.0 over libzmq 4.3.5) and with
 * itself, for every valid socket-type pair of RFC 23/37, with each side binding in turn.
 * Every test synchronises on messages; only the refusal tests wait out a (short) limit.
 */
import type { SocketTypeName } from "../zmtp";
import { within } from "./helpers/bounded-wait";
import { expectFrames } from "./helpers/frames";
import { QUIET_LIMIT_MS } from "./helpers/limits";
import { nextRetry } from "./helpers/retry";
import { useSockets, type Impl, type TestSocket, type TestSocketOptions } from "./helpers/sockets";
import { Inbox } from "./helpers/inbox";
import { awaitSubscription, receiveData } from "./helpers/subscription-sync";
import { useTempDir } from "./helpers/temp-dir";

const socket = useSockets();
const dir = useTempDir(); // after useSockets(): sockets close before their directory is removed

// ---- topologies: who is which implementation, and who binds --------------------------------

interface Topology {
  name: string;
  implA: Impl;
  implB: Impl;
  binder: "a" | "b";
}

const TOPOLOGIES: Topology[] = [
  { name: "reference A binds, libzmq B connects", implA: "ref", implB: "zmq", binder: "a" },
  { name: "libzmq A binds, reference B connects", implA: "zmq", implB: "ref", binder: "a" },
  { name: "reference B binds, libzmq A connects", implA: "zmq", implB: "ref", binder: "b" },
  { name: "libzmq B binds, reference A connects", implA: "ref", implB: "zmq", binder: "b" },
  { name: "reference A binds, reference B connects", implA: "ref", implB: "ref", binder: "a" },
  { name: "reference B binds, reference A connects", implA: "ref", implB: "ref", binder: "b" },
];

interface Ctx {
  a: TestSocket;
  b: TestSocket;
  binder: "a" | "b";
}

async function setUp(
  typeA: SocketTypeName,
  typeB: SocketTypeName,
  topology: Topology,
  optionsA: TestSocketOptions = {},
  optionsB: TestSocketOptions = {},
  socketName = "pair.sock",
): Promise<Ctx> {
  const a = socket(topology.implA, typeA, optionsA);
  const b = socket(topology.implB, typeB, optionsB);
  const endpoint = dir().endpoint(socketName);
  const [binder, connecter] = topology.binder === "a" ? [a, b] : [b, a];
  await binder.bind(endpoint);
  connecter.connect(endpoint);
  return { a, b, binder: topology.binder };
}

const receive = (s: TestSocket) => within(s.receive(), "receive");

// ---- payloads ----------------------------------------------------------------------------

function oneMiB(): Buffer {
  const big = Buffer.alloc(1 << 20);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7 + 0x5a) & 0xff; // starts with 0x5a: not a (un)subscription
  return big;
}

const PAYLOADS: Array<[string, Array<Buffer | string>]> = [
  ["a multipart message with empty frames", ["", "a", "", "", "b", ""]],
  ["frames of 0, 255 and 256 bytes (the short/long size boundary)", [Buffer.alloc(0), Buffer.alloc(255, 0x41), Buffer.alloc(256, 0x42), Buffer.alloc(0)]],
  ["a 1 MiB message", [oneMiB()]],
];

/** The answer to a payload: recognisably different (its frames reversed, plus one). */
const answer = (payload: Array<Buffer | string>) => [...payload].reverse().concat(["answer"]);

// ---- publish/subscribe helpers ---------------------------------------------------------------

const TOPIC = "topic";
const subscription = (on: boolean, topic: string) => Buffer.concat([Buffer.from([on ? 1 : 0]), Buffer.from(topic)]);

/** SUB subscribes with subscribe(); XSUB by sending 0x01+topic (0x00+topic cancels). */
async function setSubscription(sub: TestSocket, type: SocketTypeName, on: boolean, topic: string): Promise<void> {
  if (type === "XSUB") return sub.send(subscription(on, topic));
  if (on) sub.subscribe(topic);
  else sub.unsubscribe(topic);
}

/**
 * Returns once the publisher has applied everything the subscriber sent so far. An XPUB tells
 * us: it receives 0x01+topic (0x00+topic for a cancel). A PUB does not, so we subscribe to a
 * fresh topic when needed and probe it (awaitSubscription): subscriptions and cancels travel in
 * order on the connection, so once the probe arrives everything sent before it was applied.
 */
async function publisherSees(
  pub: TestSocket,
  pubType: SocketTypeName,
  sub: TestSocket,
  subType: SocketTypeName,
  inbox: Inbox,
  on: boolean,
  topic: string,
): Promise<void> {
  if (pubType === "XPUB") return expectFrames(await receive(pub), [subscription(on, topic)]);
  const probeTopic = on ? topic : `sync-${topic}`;
  if (!on) await setSubscription(sub, subType, true, probeTopic);
  await awaitSubscription(pub, inbox, probeTopic);
}

function pubSubSpec(pubType: SocketTypeName, subType: SocketTypeName): PairSpec {
  return {
    a: pubType,
    b: subType,
    async exchange({ a: pub, b: sub }, payload) {
      // Reading from the start: a bound libzmq SUB sends its subscriptions only while read (see Inbox).
      const inbox = new Inbox(sub);
      await setSubscription(sub, subType, true, TOPIC);
      await publisherSees(pub, pubType, sub, subType, inbox, true, TOPIC);
      await pub.send([TOPIC, ...payload]);
      expectFrames(await within(receiveData(inbox), "published message"), [TOPIC, ...payload]);
      if (pubType === "XPUB" && subType === "XSUB") {
        // Upstream: an XSUB's message that is not a (un)subscription reaches the XPUB as is.
        await sub.send(answer(payload));
        expectFrames(await receive(pub), answer(payload));
      }
    },
    more: [
      {
        name: "unsubscribe stops the topic: nothing of it arrives before a later marker",
        // A SUB also filters what it receives; an XSUB does not, so with an XSUB (and with an
        // XPUB, which shows the 0x00+topic) this checks that the cancel reached the publisher.
        async run({ a: pub, b: sub }) {
          const inbox = new Inbox(sub);
          await setSubscription(sub, subType, true, "keep");
          await publisherSees(pub, pubType, sub, subType, inbox, true, "keep");
          await setSubscription(sub, subType, true, "drop");
          await publisherSees(pub, pubType, sub, subType, inbox, true, "drop");
          await pub.send(["drop", "before"]);
          expectFrames(await within(receiveData(inbox), "message of a subscribed topic"), ["drop", "before"]);

          await setSubscription(sub, subType, false, "drop");
          await publisherSees(pub, pubType, sub, subType, inbox, false, "drop");
          await pub.send(["drop", "after"]);
          await pub.send(["keep", "marker"]);
          expectFrames(await within(receiveData(inbox), "marker"), ["keep", "marker"]);
        },
      },
    ],
  };
}

// ---- the valid pairs ---------------------------------------------------------------------

interface MoreTest {
  name: string;
  optionsA?: TestSocketOptions;
  optionsB?: TestSocketOptions;
  run(ctx: Ctx): Promise<void>;
}

interface PairSpec {
  a: SocketTypeName;
  b: SocketTypeName;
  optionsA?: TestSocketOptions;
  optionsB?: TestSocketOptions;
  /** Carries the payload across in every direction the pair allows, checking each arrival. */
  exchange(ctx: Ctx, payload: Array<Buffer | string>): Promise<void>;
  more?: MoreTest[];
}

/** REQ or DEALER (a) to ROUTER (b): the ROUTER sees `a` under its routing id and routes the answer back by it. */
async function toRouter(ctx: Ctx, payload: Array<Buffer | string>, envelope: Array<Buffer | string>, expectId: (id: Buffer) => void) {
  await ctx.a.send(payload);
  const [id, ...rest] = await receive(ctx.b);
  expectId(id);
  expectFrames(rest, [...envelope, ...payload]);
  await ctx.b.send([id, ...envelope, ...answer(payload)]);
  expectFrames(await receive(ctx.a), answer(payload));
}

const namedClient = (id: Buffer) => expect(id.toString()).toBe("client-1");
/** libzmq (and the reference) name an anonymous peer 0x00 + a 4-byte counter. */
const generatedId = (id: Buffer) => {
  expect(id.length).toBe(5);
  expect(id[0]).toBe(0);
};

/** Retries a ROUTER send (mandatory) until the peer is known: that is, until its handshake completed. */
async function sendWhenRoutable(router: TestSocket, message: Array<Buffer | string>): Promise<void> {
  const attempts = async () => {
    for (;;) {
      try {
        return await router.send(message);
      } catch (err) {
        if ((err as { code?: string }).code !== "EHOSTUNREACH" || router.closed) throw err;
        await nextRetry();
      }
    }
  };
  await within(attempts(), "the connecting ROUTER to know its peer");
}

const PAIRS: PairSpec[] = [
  {
    a: "REQ",
    b: "REP",
    async exchange({ a, b }, payload) {
      await a.send(payload);
      expectFrames(await receive(b), payload);
      await b.send(answer(payload));
      expectFrames(await receive(a), answer(payload));
    },
    more: [
      {
        name: "three request/reply round trips in a row",
        async run({ a, b }) {
          for (const n of [1, 2, 3]) {
            await a.send(`request ${n}`);
            expectFrames(await receive(b), [`request ${n}`]);
            await b.send(`reply ${n}`);
            expectFrames(await receive(a), [`reply ${n}`]);
          }
        },
      },
    ],
  },
  {
    a: "REQ",
    b: "ROUTER",
    optionsA: { routingId: "client-1" },
    exchange: (ctx, payload) => toRouter(ctx, payload, [""], namedClient),
    more: [
      {
        name: "an anonymous REQ gets a generated routing id that routes the reply",
        optionsA: { routingId: undefined },
        run: (ctx) => toRouter(ctx, ["hello"], [""], generatedId),
      },
    ],
  },
  {
    a: "DEALER",
    b: "REP",
    async exchange({ a, b }, payload) {
      await a.send(["", ...payload]);
      expectFrames(await receive(b), payload);
      await b.send(answer(payload));
      expectFrames(await receive(a), ["", ...answer(payload)]);
    },
  },
  {
    a: "DEALER",
    b: "DEALER",
    async exchange({ a, b }, payload) {
      await a.send(payload);
      expectFrames(await receive(b), payload);
      await b.send(answer(payload));
      expectFrames(await receive(a), answer(payload));
    },
  },
  {
    a: "DEALER",
    b: "ROUTER",
    optionsA: { routingId: "client-1" },
    exchange: (ctx, payload) => toRouter(ctx, payload, [], namedClient),
    more: [
      {
        name: "an anonymous DEALER gets a generated routing id that routes the reply",
        optionsA: { routingId: undefined },
        run: (ctx) => toRouter(ctx, ["hello"], [], generatedId),
      },
    ],
  },
  {
    a: "ROUTER",
    b: "ROUTER",
    optionsA: { routingId: "router-a", mandatory: true },
    optionsB: { routingId: "router-b", mandatory: true },
    async exchange({ a, b, binder }, payload) {
      // The connecting ROUTER knows the binder by the Identity of its READY; the binder learns
      // the connecter's id from its READY and answers to it.
      const [bound, connecting, boundId, connectingId] = binder === "a" ? [a, b, "router-a", "router-b"] : [b, a, "router-b", "router-a"];
      await sendWhenRoutable(connecting, [boundId, ...payload]);
      expectFrames(await receive(bound), [connectingId, ...payload]);
      await bound.send([connectingId, ...answer(payload)]);
      expectFrames(await receive(connecting), [boundId, ...answer(payload)]);
    },
  },
  pubSubSpec("PUB", "SUB"),
  pubSubSpec("PUB", "XSUB"),
  pubSubSpec("XPUB", "SUB"),
  pubSubSpec("XPUB", "XSUB"),
  {
    a: "PUSH",
    b: "PULL",
    async exchange({ a, b }, payload) {
      await a.send(payload);
      expectFrames(await receive(b), payload);
    },
  },
  {
    a: "PAIR",
    b: "PAIR",
    async exchange({ a, b }, payload) {
      await a.send(payload);
      expectFrames(await receive(b), payload);
      await b.send(answer(payload));
      expectFrames(await receive(a), answer(payload));
    },
  },
];

describe.each(PAIRS)("$a-$b", (spec) => {
  describe.each(TOPOLOGIES)("$name", (topology) => {
    test.each(PAYLOADS)("%s", async (_name, payload) => {
      const ctx = await setUp(spec.a, spec.b, topology, spec.optionsA, spec.optionsB);
      await spec.exchange(ctx, payload);
    });

    for (const extra of spec.more ?? []) {
      test(extra.name, async () => {
        const ctx = await setUp(spec.a, spec.b, topology, { ...spec.optionsA, ...extra.optionsA }, { ...spec.optionsB, ...extra.optionsB });
        await extra.run(ctx);
      });
    }
  });
});

// ---- invalid pairs: the handshake is refused, nothing is delivered -------------------------

/** Types whose send waits for a peer (PUB and XPUB drop instead, ROUTER needs an id). */
const BLOCKING_SENDERS = new Set<SocketTypeName>(["PUSH", "DEALER", "REQ", "PAIR"]);
/** Types that may receive first. */
const RECEIVERS = new Set<SocketTypeName>(["PULL", "SUB", "XSUB", "XPUB", "PAIR", "DEALER", "ROUTER", "REP"]);

const INVALID_PAIRS: Array<[SocketTypeName, SocketTypeName]> = [
  ["PUSH", "PUB"],
  ["REQ", "REQ"],
  ["PUB", "PULL"],
  ["PUSH", "SUB"],
  ["DEALER", "XPUB"],
];

/** Shows, within QUIET_LIMIT_MS, that no handshake completes and nothing is delivered. */
async function expectRefused(typeA: SocketTypeName, typeB: SocketTypeName, topology: Topology, index: number): Promise<void> {
  // immediate: a connecting sender queues only on a completed handshake (a binder never has a
  // peer before one), so a send that waits out the limit (EAGAIN) shows that no handshake ever
  // completed, whoever binds. A receiver waits out the same limit for a message that never comes.
  const options: TestSocketOptions = { immediate: true, sendTimeout: QUIET_LIMIT_MS, receiveTimeout: QUIET_LIMIT_MS };
  const { a, b } = await setUp(typeA, typeB, topology, options, options, `invalid-${index}.sock`);
  const probes: Array<Promise<unknown>> = [];
  for (const [s, type] of [
    [a, typeA],
    [b, typeB],
  ] as const) {
    if (type === "SUB") s.subscribe();
    if (BLOCKING_SENDERS.has(type)) {
      probes.push(expect(s.send("must not be delivered")).rejects.toMatchObject({ code: "EAGAIN" }));
    } else if (type === "PUB" || type === "XPUB") {
      probes.push(s.send("must not be delivered"));
    }
    if (RECEIVERS.has(type)) {
      probes.push(expect(s.receive()).rejects.toMatchObject({ code: "EAGAIN" }));
    }
  }
  expect(probes.length).toBeGreaterThanOrEqual(2);
  try {
    await Promise.all(probes);
  } catch (err) {
    throw new Error(`${typeA}-${typeB}, ${topology.name}: ${(err as Error).message}`, { cause: err });
  }
}

describe.each(INVALID_PAIRS)("invalid pair %s-%s", (typeA, typeB) => {
  // The six topologies run side by side (own endpoints, same limit): one wait instead of six.
  test(`is refused in all ${TOPOLOGIES.length} topologies: no handshake, nothing delivered`, async () => {
    await Promise.all(TOPOLOGIES.map((topology, index) => expectRefused(typeA, typeB, topology, index)));
  });
});
