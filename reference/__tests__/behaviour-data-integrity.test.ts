import * as ref from "../../reference";
import { within } from "./helpers/behaviour-env";
import { useFixture } from "./helpers/behaviour-fixture";

/**
 * A caller may reuse a buffer of up to COPY_UP_TO_BYTES as soon as `await send()` returns, as with
 * zeromq.js: the peer gets the bytes as they were at send(), whether the message went straight
 * into a connection's write batch or waited in a pipe for its peer.
 */
const fixture = useFixture();

/** Sends each body, overwriting it once send() has resolved; returns what the peer received. */
async function sendAndOverwrite(push: ref.Push, pull: ref.Pull, bodies: Uint8Array[], bind?: () => Promise<void>): Promise<string[]> {
  for (const body of bodies) {
    await within(push.send(body), "the send");
    body.fill(0x7a); // "z"
  }
  await bind?.();
  const received: string[] = [];
  for (let i = 0; i < bodies.length; i++) received.push((await within(pull.receive(), `message ${i + 1}`))[0].toString());
  return received;
}

const smallBodies = () => [Buffer.from("first"), new Uint8Array(Buffer.from("second")), Buffer.alloc(ref.COPY_UP_TO_BYTES, 0x61)];
const expected = ["first", "second", "a".repeat(ref.COPY_UP_TO_BYTES)];

test("a small buffer overwritten after send() resolved arrives as sent, on a connection already up", async () => {
  const pull = fixture.track(new ref.Pull());
  const push = fixture.track(new ref.Push());
  await pull.bind(fixture.endpoint("integrity.sock"));
  push.connect(fixture.endpoint("integrity.sock"));
  await within(push.send("handshake done"), "the first send");
  expect((await within(pull.receive(), "the first message"))[0].toString()).toBe("handshake done");
  expect(await sendAndOverwrite(push, pull, smallBodies())).toEqual(expected);
});

test("a small buffer overwritten after send() resolved arrives as sent when it waited for its peer", async () => {
  const push = fixture.track(new ref.Push());
  push.connect(fixture.endpoint("later.sock"));
  const pull = fixture.track(new ref.Pull());
  const bind = () => pull.bind(fixture.endpoint("later.sock"));
  expect(await sendAndOverwrite(push, pull, smallBodies(), bind)).toEqual(expected);
});

test("the same holds for a batch sent with sendMany", async () => {
  const pull = fixture.track(new ref.Pull());
  const push = fixture.track(new ref.Push());
  await pull.bind(fixture.endpoint("batch.sock"));
  push.connect(fixture.endpoint("batch.sock"));
  const bodies = smallBodies();
  await within(push.sendMany(bodies), "the batch");
  for (const body of bodies) body.fill(0x7a);
  const received: string[] = [];
  while (received.length < bodies.length) for (const [frame] of await within(pull.receiveMany(), "the batch")) received.push(frame.toString());
  expect(received).toEqual(expected);
});
