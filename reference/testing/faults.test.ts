import { Pull } from "../index";
import { TEST_FAULTS, testFaultsOf } from "./faults";

describe("test-only fault switches", () => {
  test("absent from an ordinary option object: no switch is on", () => {
    expect(testFaultsOf({ linger: 0 }).size).toBe(0);
  });

  test("only under the symbol: a string option of the same name is an unknown option", () => {
    expect(() => new Pull({ [TEST_FAULTS]: ["ignores-more"] } as object)).not.toThrow();
    expect(() => new Pull({ testFaults: ["ignores-more"] } as object)).toThrow(/unknown socket option/);
  });

  test("a misspelt switch is refused, never silently ignored", () => {
    expect(() => testFaultsOf({ [TEST_FAULTS]: ["ignore-more"] })).toThrow(/unknown test fault/);
  });
});
