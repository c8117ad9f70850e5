import { LoadBalancer } from "./load-balancer";
import { Pipe } from "./pipe";

/** Unattached pipes with a high-water mark of 1: one write fills a pipe (nothing flushes it). */
function pipes(count: number): Pipe[] {
  return Array.from({ length: count }, () => new Pipe({ pipeHasRoom: () => undefined }, false, 1));
}

describe("LoadBalancer", () => {
  test("picks the pipes in turn, starting over after the last", () => {
    const all = pipes(3);
    const balancer = new LoadBalancer();
    const picked = Array.from({ length: 4 }, () => all.indexOf(balancer.pick(all) as Pipe));
    expect(picked).toEqual([0, 1, 2, 0]);
  });

  test("skips a pipe at its high-water mark and carries on after the one it picked", () => {
    const all = pipes(3);
    all[0].write([Buffer.from("full")]);
    const balancer = new LoadBalancer();
    expect(all.indexOf(balancer.pick(all) as Pipe)).toBe(1);
    expect(all.indexOf(balancer.pick(all) as Pipe)).toBe(2);
    expect(all.indexOf(balancer.pick(all) as Pipe)).toBe(1); // 0 is still full
  });

  test("returns undefined when every pipe is full (the send waits)", () => {
    const all = pipes(2);
    for (const pipe of all) pipe.write([Buffer.from("full")]);
    expect(new LoadBalancer().pick(all)).toBeUndefined();
  });
});
