import { ZmqError } from "../errors";
import { syncFailure } from "../__tests__/helpers/behaviour-env";
import { checkedOption } from "./options";

/** What an option assignment accepts, and the text of what it refuses (a wrong value must say what is wrong). */
describe("checkedOption", () => {
  test("a number below the option's minimum is EINVAL naming the option, the minimum and the value", () => {
    const refused = refusal(() => checkedOption("linger", -2));
    expect([refused.code, refused.reason]).toEqual(["EINVAL", "linger must be at least -1, not -2"]);
    expect(refusal(() => checkedOption("backlog", -1)).reason).toBe("backlog must be at least 0, not -1");
  });

  test("a fractional number is truncated, as zeromq.js does: -1.5 is -1, within linger's range", () => {
    expect(checkedOption("linger", -1.5)).toBe(-1);
    expect(checkedOption("sendHighWaterMark", 7.9)).toBe(7);
  });

  test("routingId null clears it", () => {
    expect(checkedOption("routingId", null)).toBeNull();
  });

  test("routingId takes up to 255 bytes, counted in UTF-8; 256 are EINVAL saying how many there were", () => {
    expect(checkedOption("routingId", "r".repeat(255))).toBe("r".repeat(255));
    expect(checkedOption("routingId", Buffer.alloc(255, 0x61))).toBe("a".repeat(255));
    const refused = refusal(() => checkedOption("routingId", "é".repeat(128))); // 128 characters, 256 bytes
    expect([refused.code, refused.reason]).toEqual(["EINVAL", "routingId is 256 bytes; at most 255"]);
  });
});

/** The ZmqError `call` threw: the option's refusal. */
function refusal(call: () => unknown): ZmqError {
  const err = syncFailure(call);
  expect(err).toBeInstanceOf(ZmqError);
  return err as ZmqError;
}
