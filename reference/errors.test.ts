import { fromSystemError, ZmqError } from "./errors";

// Scenarios compare err.code across implementations and people read err.message: both are the
// contract with zeromq.js's errors, so both are pinned here.

describe("ZmqError", () => {
  test("with an endpoint: the message ends with it, and it is kept as address", () => {
    const err = new ZmqError("EADDRINUSE", "a directory exists at the bind path", "ipc:///tmp/x");
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("ZmqError");
    expect(err.code).toBe("EADDRINUSE");
    expect(err.message).toBe("a directory exists at the bind path: ipc:///tmp/x");
    expect(err.address).toBe("ipc:///tmp/x");
  });

  test("without an endpoint: the message alone, no address", () => {
    const err = new ZmqError("EAGAIN", "no message to receive");
    expect(err.message).toBe("no message to receive");
    expect(err.address).toBeUndefined();
  });
});

describe("fromSystemError: Node's error code as the errno name libzmq reports for the same call", () => {
  const systemError = (code: string | undefined, message = `${code}: something failed`): NodeJS.ErrnoException =>
    Object.assign(new Error(message), code === undefined ? {} : { code });

  test.each(["ENAMETOOLONG", "ENOENT", "EADDRINUSE", "EACCES", "ENOTDIR", "EINVAL"])("%s is kept", (code) => {
    const err = fromSystemError(systemError(code), "ipc://x");
    expect(err.code).toBe(code);
    expect(err.message).toBe(`${code}: something failed: ipc://x`);
    expect(err.address).toBe("ipc://x");
  });

  test("EPERM is reported as EACCES (libzmq's errno for a bind or connect the permissions refuse)", () => {
    expect(fromSystemError(systemError("EPERM")).code).toBe("EACCES");
  });

  test("a code libzmq would not give here, or none, becomes EINVAL with the original text", () => {
    const unknown = fromSystemError(systemError("ECONNRESET", "read ECONNRESET"));
    expect(unknown.code).toBe("EINVAL");
    expect(unknown.message).toBe("read ECONNRESET");
    expect(fromSystemError(systemError(undefined, "plain")).code).toBe("EINVAL");
  });

  test("something that is not an Error (or nothing at all) still gives a ZmqError naming it", () => {
    expect(fromSystemError("a string").message).toBe("a string");
    const nothing = fromSystemError(undefined);
    expect(nothing.code).toBe("EINVAL");
    expect(nothing.message).toBe("undefined");
    expect(fromSystemError(null).message).toBe("null");
  });
});
