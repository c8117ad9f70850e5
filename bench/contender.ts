/**
 * One side-by-side contender of the benchmark: the same three measurements over an ipc path in
 * this process (both ends on one event loop, as a Node program using it would have them).
 */
export interface Contender {
  /** "reference", "zeromq" or "raw". */
  readonly id: string;
  readonly description: string;
  /** Sends `count` messages of `size` bytes PUSH -> PULL and resolves when the last one arrived. */
  throughput(path: string, size: number, count: number): Promise<void>;
  /** `count` REQ/REP round trips of a 16-byte message; each one's duration in ns. */
  roundTrips(path: string, count: number): Promise<number[]>;
}
