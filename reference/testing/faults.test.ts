import { STANDARD_BEHAVIOUR } from "../behaviour";
import { Pull } from "../index";
import { TEST_FAULTS, WIRE_FAULTS, behaviourOf } from "./faults";

describe("test-only faults", () => {
  test("an ordinary option object gets the standard behaviour itself", () => {
    expect(behaviourOf({ linger: 0 })).toBe(STANDARD_BEHAVIOUR);
  });

  test("only under the symbol: a string option of the same name is an unknown option", () => {
    expect(() => new Pull({ [TEST_FAULTS]: ["ignores-more"] } as object)).not.toThrow();
    expect(() => new Pull({ testFaults: ["ignores-more"] } as object)).toThrow(new TypeError("Cannot add property testFaults, object is not extensible"));
  });

  test("a misspelt fault is refused, never silently ignored", () => {
    expect(() => behaviourOf({ [TEST_FAULTS]: ["ignore-more"] })).toThrow(/unknown test fault/);
  });

  test("each fault changes the standard behaviour, and only what it names", () => {
    for (const fault of WIRE_FAULTS) {
      const faulty = behaviourOf({ [TEST_FAULTS]: [fault] });
      const changed = Object.keys(STANDARD_BEHAVIOUR).filter(
        (key) => faulty[key as keyof typeof faulty] !== STANDARD_BEHAVIOUR[key as keyof typeof STANDARD_BEHAVIOUR],
      );
      expect([fault, changed.length]).toEqual([fault, 1]);
    }
  });

  test("the faults change different choices, so two at once change two", () => {
    const both = behaviourOf({ [TEST_FAULTS]: ["no-reconnect", "ignores-more"] });
    expect([both.reconnects, both.honoursMore, both.checksPeerSocketType]).toEqual([false, false, true]);
  });

  test("the faulty encoders: little-endian READY sizes, and a 256-octet frame whose size octet wraps to 0", () => {
    const ready = behaviourOf({ [TEST_FAULTS]: ["wrong-ready-encoding"] }).encodeReady("PUSH", undefined);
    expect(ready.toString("hex")).toBe(STANDARD_BEHAVIOUR.encodeReady("PUSH", undefined).toString("hex").replace("00000004", "04000000"));
    const wire = behaviourOf({ [TEST_FAULTS]: ["short-size-at-256"] }).encodeMessage!([Buffer.alloc(256, 1)]);
    expect([wire[0], wire[1], wire.length]).toEqual([0, 0, 258]);
  });
});
