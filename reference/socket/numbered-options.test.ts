import * as ref from "../index";
import { ZmqError } from "../errors";
import { NUMBERED_OPTIONS, UNSAFE_UINT64_WARNING } from "./numbered-options";

/**
 * zeromq.js's low-level option methods: libzmq's option numbers, each read and set through the
 * named option (so the same checks apply), EINVAL for a number the reference lacks or a method of
 * the wrong C type, as libzmq's zmq_getsockopt answers.
 */
describe("getXOption / setXOption by libzmq's option numbers", () => {
  const sockets: ref.Dealer[] = [];
  const dealer = () => {
    const socket = new ref.Dealer();
    sockets.push(socket);
    return socket;
  };
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  test("each type reads the default and sets the named option", () => {
    const socket = dealer();
    expect(socket.getBoolOption(39)).toBe(false);
    socket.setBoolOption(39, true);
    expect(socket.immediate).toBe(true);
    expect(socket.getInt32Option(19)).toBe(100);
    socket.setInt32Option(19, 75);
    expect(socket.backlog).toBe(75);
    expect(socket.getInt64Option(22)).toBe(-1);
    socket.setInt64Option(22, 0xffffffffffff);
    expect(socket.maxMessageSize).toBe(0xffffffffffff);
    expect(socket.getUint64Option(4)).toBe(0);
    socket.setUint64Option(4, 2 ** 48);
    expect(socket.affinity).toBe(2 ** 48);
    expect(socket.getStringOption(5)).toBeNull();
    socket.setStringOption(5, Buffer.from("åbçdéfghïjk"));
    expect(socket.getStringOption(5)).toBe("åbçdéfghïjk");
    expect(socket.routingId).toBe("åbçdéfghïjk");
  });

  test("a uint64 read back above 2^53 comes with zeromq.js's warning that it may have been rounded", () => {
    const socket = dealer();
    // Jest gives each test file its own `process`, whose "warning" events do not reach a listener here.
    const emitWarning = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      socket.setUint64Option(4, 2 ** 53 - 1);
      expect(socket.getUint64Option(4)).toBe(2 ** 53 - 1);
      expect(emitWarning).not.toHaveBeenCalled();
      socket.setUint64Option(4, 2 ** 64); // zeromq.js's test sets 0xffffffffffffffff: the same double
      expect(socket.getUint64Option(4)).toBe(2 ** 64);
      expect(emitWarning.mock.calls).toEqual([[UNSAFE_UINT64_WARNING]]);
    } finally {
      emitWarning.mockRestore();
    }
  });

  test("only a uint64 warns: an int64 above 2^53 reads back without a word", () => {
    const socket = dealer();
    const emitWarning = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    try {
      socket.setInt64Option(22, 2 ** 60);
      expect(socket.getInt64Option(22)).toBe(2 ** 60);
      expect(emitWarning).not.toHaveBeenCalled();
    } finally {
      emitWarning.mockRestore();
    }
  });

  test("the refusals say which option and why", () => {
    const socket = dealer();
    const refusal = (call: () => unknown) => {
      try {
        call();
      } catch (err) {
        return err instanceof ZmqError ? `${err.code}: ${err.reason}` : `${(err as Error).constructor.name}: ${(err as Error).message}`;
      }
      return "no error";
    };
    expect(refusal(() => socket.getInt32Option(9999))).toBe("EINVAL: option 9999 is not one the reference has");
    expect(refusal(() => socket.setBoolOption(19, true))).toBe("EINVAL: option 19 (backlog) is Int32, not Bool");
    expect(refusal(() => socket.getStringOption("5" as unknown as number))).toBe("TypeError: Option identifier must be a number");
    expect(socket.backlog).toBe(100);
  });

  test("the methods are fixed on the class: not configurable, as they were defined", () => {
    const prototype = Object.getPrototypeOf(Object.getPrototypeOf(dealer())) as object;
    const owner = (name: string) => {
      for (let p: object | null = prototype; p !== null; p = Object.getPrototypeOf(p) as object | null) {
        const descriptor = Object.getOwnPropertyDescriptor(p, name);
        if (descriptor !== undefined) return descriptor;
      }
      return undefined;
    };
    for (const type of ["Bool", "Int32", "Int64", "Uint64", "String"]) {
      expect(owner(`get${type}Option`)).toMatchObject({ configurable: false });
      expect(owner(`set${type}Option`)).toMatchObject({ configurable: false });
    }
  });

  test("every number names an option the socket has, with zeromq.js's name", () => {
    const socket = dealer();
    for (const { name } of Object.values(NUMBERED_OPTIONS)) expect(name in socket).toBe(true);
  });

  test("a number the reference lacks, or the wrong C type, is EINVAL; a value is checked as the named option checks it", () => {
    const socket = dealer();
    const code = (call: () => unknown) => {
      try {
        call();
      } catch (err) {
        return err instanceof ZmqError ? err.code : (err as Error).constructor.name;
      }
      return "no error";
    };
    expect(code(() => socket.getInt32Option(9999))).toBe("EINVAL");
    expect(code(() => socket.getBoolOption(19))).toBe("EINVAL");
    expect(code(() => socket.setInt32Option(17, -2))).toBe("EINVAL");
    expect(code(() => socket.setInt32Option(17, "x" as unknown as number))).toBe("TypeError");
    expect(code(() => socket.getInt32Option("19" as unknown as number))).toBe("TypeError");
  });
});
