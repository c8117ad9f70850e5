import * as os from "node:os";
import { fromSystemError, ZmqError } from "./errors";

// Scenarios compare err.code across implementations and people read err.message: both are the
// contract with zeromq.js's errors, so both are pinned here.

describe("ZmqError: shaped like zeromq.js's errors", () => {
  test("the message is zeromq.js's text for the errno; why the reference refused is the reason; the endpoint is the address", () => {
    const err = new ZmqError("ENOENT", "endpoint is not bound by this socket", "ipc:///tmp/x");
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("ZmqError");
    expect([err.code, err.errno, err.message, err.reason, err.address]).toEqual([
      "ENOENT",
      os.constants.errno.ENOENT,
      "No such endpoint",
      "endpoint is not bound by this socket",
      "ipc:///tmp/x",
    ]);
  });

  test.each([
    ["EINVAL", "Invalid argument"],
    ["EPROTONOSUPPORT", "Protocol not supported"],
    ["ENAMETOOLONG", "File name too long"],
    ["EAGAIN", "Operation was not possible or timed out"],
    ["EBADF", "Socket is closed"],
    ["EHOSTUNREACH", "Host unreachable"],
    ["ENOTDIR", "Not a directory"],
  ] as const)("%s reads %j, with the platform's errno number", (code, text) => {
    const err = new ZmqError(code, "why");
    expect([err.message, err.errno]).toEqual([text, os.constants.errno[code]]);
  });

  test("EFSM is libzmq's own errno, which no operating system has", () => {
    const err = new ZmqError("EFSM", "REQ must send a request before it receives");
    expect([err.message, err.errno]).toEqual(["Operation cannot be accomplished in current state", 156384763]);
  });

  test("without an endpoint there is no address property at all, as in zeromq.js", () => {
    expect(Object.keys(new ZmqError("EAGAIN", "no message to receive"))).not.toContain("address");
  });

  test("a call may word its own message (EBUSY says what is busy)", () => {
    expect(new ZmqError("EBUSY", "second receive", undefined, "Socket is busy reading").message).toBe("Socket is busy reading");
  });
});

describe("fromSystemError: Node's error code as the errno name libzmq reports for the same call", () => {
  const systemError = (code: string | undefined, message = `${code}: something failed`): NodeJS.ErrnoException =>
    Object.assign(new Error(message), code === undefined ? {} : { code });

  test.each(["ENAMETOOLONG", "ENOENT", "EADDRINUSE", "EACCES", "ENOTDIR", "EINVAL"])("%s is kept", (code) => {
    const err = fromSystemError(systemError(code), "ipc://x");
    expect(err.code).toBe(code);
    expect(err.reason).toBe(`${code}: something failed`);
    expect(err.address).toBe("ipc://x");
  });

  test("EPERM is reported as EACCES (libzmq's errno for a bind or connect the permissions refuse)", () => {
    expect(fromSystemError(systemError("EPERM")).code).toBe("EACCES");
  });

  test("a code libzmq would not give here, or none, becomes EINVAL with the original text", () => {
    const unknown = fromSystemError(systemError("ECONNRESET", "read ECONNRESET"));
    expect(unknown.code).toBe("EINVAL");
    expect(unknown.reason).toBe("read ECONNRESET");
    expect(fromSystemError(systemError(undefined, "plain")).code).toBe("EINVAL");
  });

  test("something that is not an Error (or nothing at all) still gives a ZmqError naming it", () => {
    expect(fromSystemError("a string").reason).toBe("a string");
    const nothing = fromSystemError(undefined);
    expect(nothing.code).toBe("EINVAL");
    expect(nothing.reason).toBe("undefined");
    expect(fromSystemError(null).reason).toBe("null");
  });
});
