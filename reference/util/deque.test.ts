import { Deque } from "./deque";

// Every queue of the reference (a pipe's outbound messages, a socket's inbound ones) is a Deque,
// so a lost, repeated or reordered item here is a lost, repeated or reordered message.

/** The backing array's size: what the compaction rule is about (memory that follows the live length). */
const backingLength = (deque: Deque<unknown>): number => (deque as unknown as { items: unknown[] }).items.length;

const filled = (count: number): Deque<number> => {
  const deque = new Deque<number>();
  for (let i = 0; i < count; i++) deque.push(i);
  return deque;
};

const shiftTimes = (deque: Deque<number>, count: number): number[] => {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push(deque.shift() as number);
  return out;
};

test("an empty deque has nothing to shift, peek or iterate", () => {
  const deque = new Deque<string>();
  expect(deque.length).toBe(0);
  expect(deque.shift()).toBeUndefined();
  expect(deque.peek()).toBeUndefined();
  expect([...deque]).toStrictEqual([]);
});

test("items come out in the order they went in, pushes and shifts interleaved", () => {
  const deque = new Deque<string>();
  deque.push("a");
  deque.push("b");
  expect(deque.peek()).toBe("a");
  expect(deque.shift()).toBe("a");
  deque.push("c");
  expect(deque.length).toBe(2);
  expect([...deque]).toStrictEqual(["b", "c"]);
  expect(deque.shift()).toBe("b");
  expect(deque.shift()).toBe("c");
  expect(deque.length).toBe(0);
});

test("shifting an emptied deque changes nothing: the length stays 0 and the next push comes out next", () => {
  const deque = filled(1);
  expect(deque.shift()).toBe(0);
  expect(deque.shift()).toBeUndefined();
  expect(deque.shift()).toBeUndefined();
  expect(deque.length).toBe(0);
  expect(backingLength(deque)).toBe(1); // shifting nothing must not grow the array either
  deque.push(7);
  expect(deque.length).toBe(1);
  expect(deque.shift()).toBe(7);
});

test("the iterator yields the live items only, from the head on", () => {
  const deque = filled(5);
  shiftTimes(deque, 2);
  expect([...deque]).toStrictEqual([2, 3, 4]);
  expect(deque.length).toBe(3);
});

test("clear empties the deque, and it is usable afterwards", () => {
  const deque = filled(3);
  deque.shift();
  deque.clear();
  expect(deque.length).toBe(0);
  expect([...deque]).toStrictEqual([]);
  expect(deque.shift()).toBeUndefined();
  deque.push(9);
  expect([...deque]).toStrictEqual([9]);
});

describe("compaction: the consumed prefix is dropped once it is at least 1024 items and at least half", () => {
  test("not before 1024 consumed items, even when they are more than half", () => {
    const deque = filled(1500);
    shiftTimes(deque, 1023);
    expect(backingLength(deque)).toBe(1500);
  });

  test("at exactly 1024 consumed of 2048 the prefix goes, and order and length carry on", () => {
    const deque = filled(2048);
    expect(shiftTimes(deque, 1024)).toEqual(Array.from({ length: 1024 }, (_, i) => i));
    expect(backingLength(deque)).toBe(1024);
    expect(deque.length).toBe(1024);
    expect(deque.peek()).toBe(1024);
    deque.push(2048);
    expect([...deque]).toStrictEqual(Array.from({ length: 1025 }, (_, i) => 1024 + i));
    expect(shiftTimes(deque, 1025)).toEqual(Array.from({ length: 1025 }, (_, i) => 1024 + i));
    expect(deque.shift()).toBeUndefined();
  });

  test("not while the consumed prefix is less than half, however long", () => {
    const deque = filled(3000);
    shiftTimes(deque, 1024);
    expect(backingLength(deque)).toBe(3000);
    shiftTimes(deque, 475); // 1499 consumed of 3000: still under half
    expect(backingLength(deque)).toBe(3000);
    shiftTimes(deque, 1); // 1500 of 3000: half
    expect(backingLength(deque)).toBe(1500);
    expect(deque.peek()).toBe(1500);
  });
});
