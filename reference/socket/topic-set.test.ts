import { TopicSet } from "./topic-set";

const t = (s: string) => Buffer.from(s);

/** Subscriptions counted as libzmq counts them: each subscribe needs its own cancel. */
describe("TopicSet", () => {
  test("add() is true only for a new topic; a topic added twice is counted twice", () => {
    const set = new TopicSet();
    expect(set.add(t("A"))).toBe(true);
    expect(set.add(t("A"))).toBe(false);
    expect(set.entries().map(({ topic, count }) => [topic.toString(), count])).toEqual([["A", 2]]);
  });

  test("remove() is true only when the last count goes; an unknown topic is false", () => {
    const set = new TopicSet();
    set.add(t("A"));
    set.add(t("A"));
    expect(set.remove(t("B"))).toBe(false);
    expect(set.remove(t("A"))).toBe(false);
    expect(set.matches(t("A-message"))).toBe(true); // one subscription to A is left
    expect(set.remove(t("A"))).toBe(true);
    expect(set.size).toBe(0);
    expect(set.matches(t("A-message"))).toBe(false);
  });

  test("matches by prefix of the frame; the empty topic matches everything", () => {
    const set = new TopicSet();
    set.add(t("ab"));
    expect([set.matches(t("abc")), set.matches(t("a")), set.matches(t("xb"))]).toEqual([true, false, false]);
    set.add(t(""));
    expect([set.matches(t("xb")), set.matches(Buffer.alloc(0))]).toEqual([true, true]);
  });

  test("forget() drops a topic whatever its count, and is true only when it was there", () => {
    const set = new TopicSet();
    set.add(t("A"));
    set.add(t("A"));
    set.add(t("B"));
    expect(set.forget(t("A"))).toBe(true);
    expect(set.forget(t("A"))).toBe(false);
    expect(set.topics().map(String)).toEqual(["B"]);
  });

  test("clear() forgets every topic", () => {
    const set = new TopicSet();
    set.add(t("A"));
    set.clear();
    expect([set.size, set.matches(t("A"))]).toEqual([0, false]);
  });
});
