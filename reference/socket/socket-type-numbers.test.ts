import * as ref from "../index";
import { ZmqError } from "../errors";
import { SOCKET_TYPE_NUMBERS } from "./socket-type-numbers";

/**
 * zeromq.js's generic constructor, `new Socket(typeNumber, options)`: libzmq's type numbers make
 * the socket class of that type; a wrong argument is a TypeError with zeromq.js's text, a number
 * libzmq has no (non-draft) socket for is EINVAL.
 */
describe("new Socket(typeNumber, options)", () => {
  const GenericSocket = ref.Socket as unknown as new (...args: unknown[]) => ref.Socket;
  const made: ref.Socket[] = [];
  afterEach(() => {
    for (const socket of made.splice(0)) socket.close();
  });

  test("each of libzmq's numbers 0-10 makes that socket class, with the options given", () => {
    const classes: Record<string, unknown> = { PAIR: ref.Pair, PUB: ref.Publisher, SUB: ref.Subscriber, REQ: ref.Request, REP: ref.Reply };
    Object.assign(classes, { DEALER: ref.Dealer, ROUTER: ref.Router, PULL: ref.Pull, PUSH: ref.Push, XPUB: ref.XPublisher, XSUB: ref.XSubscriber });
    for (const [number, type] of Object.entries(SOCKET_TYPE_NUMBERS)) {
      const socket = new GenericSocket(Number(number), { linger: 7 });
      made.push(socket);
      expect(socket).toBeInstanceOf(classes[type] as new () => ref.Socket);
      expect(socket.type).toBe(type);
      expect(socket.linger).toBe(7);
    }
  });

  test("a subclass calling super(number) gets that type", () => {
    const Base = ref.Socket as unknown as new (type: number) => Pick<ref.Socket, "type" | "close">;
    class MyDealer extends Base {
      constructor() {
        super(5);
      }
    }
    const socket = new MyDealer();
    made.push(socket as ref.Socket);
    expect(socket).toBeInstanceOf(MyDealer);
    expect(socket.type).toBe("DEALER");
  });

  test.each([
    ["no arguments", [], TypeError, "Socket type must be a number"],
    ["a string type", ["foo"], TypeError, "Socket type must be a number"],
    ["options that are not an object", [3, 1], TypeError, "Options must be an object"],
    ["null options", [3, null], TypeError, "Options must be an object"],
    ["three arguments", [1, {}, 2], TypeError, "Expected 2 arguments"],
    ["an unknown number", [4591], ZmqError, "Invalid argument"],
    ["STREAM (11), which the reference lacks", [11], ZmqError, "Invalid argument"],
    ["a draft type (14, RADIO)", [14], ZmqError, "Invalid argument"],
  ])("%s is refused", (_what, args, errorClass, message) => {
    let thrown: unknown;
    try {
      made.push(new GenericSocket(...args));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(errorClass);
    expect((thrown as Error).message).toBe(message);
    if (thrown instanceof ZmqError) expect(thrown.code).toBe("EINVAL");
  });

  test("an unknown number's reason names it and the numbers there are", () => {
    let thrown: unknown;
    try {
      made.push(new GenericSocket(4591));
    } catch (err) {
      thrown = err;
    }
    expect((thrown as ZmqError).reason).toBe("socket type 4591 is not one the reference has (0-10: PAIR to XSUB)");
  });
});
