import { ZmqError } from "../errors";
import { EndpointCallGate } from "./endpoint-call-gate";

/** A bind or unbind under way, finished on cue. */
function call() {
  let finish!: () => void;
  let fail!: (err: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { promise, finish, fail };
}

describe("EndpointCallGate: one bind or unbind at a time", () => {
  test("while a call runs, another is EBUSY in zeromq.js's words; once it has settled, calls are free again", async () => {
    const gate = new EndpointCallGate(() => undefined);
    expect(() => gate.assertIdle()).not.toThrow();
    const bind = call();
    const running = gate.run(bind.promise);
    let err: unknown;
    try {
      gate.assertIdle();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ZmqError);
    expect(err).toMatchObject({ code: "EBUSY", reason: "a bind or unbind is under way", message: "Socket is blocked by a bind or unbind operation" });
    bind.finish();
    await running;
    expect(() => gate.assertIdle()).not.toThrow();
  });

  test("a call that fails frees the gate too, and its caller gets the failure", async () => {
    const gate = new EndpointCallGate(() => undefined);
    const bind = call();
    const running = gate.run(bind.promise);
    bind.fail(new Error("EADDRINUSE"));
    await expect(running).rejects.toThrow("EADDRINUSE");
    expect(() => gate.assertIdle()).not.toThrow();
  });

  test("close() while idle is not deferred", () => {
    const close = jest.fn();
    const gate = new EndpointCallGate(close);
    expect(gate.deferClose()).toBe(false);
    expect(close).not.toHaveBeenCalled();
  });

  test("close() asked while a call runs happens once, after it has settled, and only then", async () => {
    const close = jest.fn();
    const gate = new EndpointCallGate(close);
    const bind = call();
    const running = gate.run(bind.promise);
    expect(gate.deferClose()).toBe(true);
    await null;
    expect(close).not.toHaveBeenCalled();
    bind.finish();
    await running;
    expect(close).toHaveBeenCalledTimes(1);
  });

  test("a call that settles with no close() asked closes nothing", async () => {
    const close = jest.fn();
    const gate = new EndpointCallGate(close);
    const bind = call();
    const running = gate.run(bind.promise);
    bind.finish();
    await running;
    expect(close).not.toHaveBeenCalled();
  });
});
