import { libzmqImplementation } from "./libzmq-adapter";
import { referenceImplementation } from "./reference-adapter";
import { wrapZeromqLike, type ZeromqLikeSocket } from "./zeromq-like-socket";

/** A stand-in for a zeromq.js-style socket: `declared` says which timeout options its class has. */
function fakeSocket(declared: { sendTimeout?: boolean; receiveTimeout?: boolean }): ZeromqLikeSocket & { calls: string[] } {
  const calls: string[] = [];
  const socket = {
    calls,
    bind: async () => undefined,
    unbind: async () => undefined,
    connect: () => undefined,
    disconnect: () => undefined,
    send: async () => void calls.push("send"),
    receive: async () => (calls.push("receive"), [Buffer.from("m")]),
    lastEndpoint: null,
    close: () => undefined,
  } as unknown as ZeromqLikeSocket & { calls: string[] };
  if (declared.sendTimeout) Object.assign(socket, { sendTimeout: -1 });
  if (declared.receiveTimeout) Object.assign(socket, { receiveTimeout: -1 });
  return declared.receiveTimeout ? socket : (Object.preventExtensions(socket) as typeof socket);
}

describe("operations a socket's class does not offer are ENOTSUP", () => {
  test("a send() the class does not declare (no sendTimeout option) is refused without being called", async () => {
    const socket = fakeSocket({ receiveTimeout: true });
    await expect(wrapZeromqLike(socket, "PULL").send(["x"])).rejects.toMatchObject({ code: "ENOTSUP" });
    expect(socket.calls).toEqual([]);
  });

  test("a receive() the class does not declare is refused without setting a timeout it does not have", async () => {
    const socket = fakeSocket({ sendTimeout: true });
    await expect(wrapZeromqLike(socket, "PUSH").receive(100)).rejects.toMatchObject({ code: "ENOTSUP" });
    expect(socket.calls).toEqual([]);
  });

  test("declared operations go through", async () => {
    const socket = fakeSocket({ sendTimeout: true, receiveTimeout: true });
    const wrapped = wrapZeromqLike(socket, "DEALER");
    await wrapped.send(["x"]);
    await expect(wrapped.receive(100)).resolves.toEqual([Buffer.from("m")]);
    expect(socket.calls).toEqual(["send", "receive"]);
  });

  // zeromq.js 6.8.0 leaves the native send() on a Pull, where it would wait for ever.
  test.each([
    ["libzmq", libzmqImplementation()],
    ["reference", referenceImplementation()],
  ])("%s: send on PULL and SUB, receive on PUSH and PUB answer ENOTSUP at once", async (_name, implementation) => {
    const sockets = await Promise.all((["PULL", "SUB", "PUSH", "PUB"] as const).map((type) => implementation.createSocket(type, { linger: 0 })));
    try {
      const [pull, sub, push, pub] = sockets;
      await expect(pull.send(["x"])).rejects.toMatchObject({ code: "ENOTSUP" });
      await expect(sub.send(["x"])).rejects.toMatchObject({ code: "ENOTSUP" });
      await expect(push.receive(60_000)).rejects.toMatchObject({ code: "ENOTSUP" });
      await expect(pub.receive(60_000)).rejects.toMatchObject({ code: "ENOTSUP" });
    } finally {
      for (const socket of sockets) await socket.close();
    }
  });
});
