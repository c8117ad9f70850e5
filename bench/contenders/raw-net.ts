import * as net from "node:net";
import type { Contender } from "../contender";

/** Bodies below this are copied into the current batch; larger ones are written by reference. */
const COPY_BELOW = 8 * 1024;
const BATCH = 64 * 1024;
const WRITE_HIGH_WATER = 1024 * 1024;

/**
 * Raw node:net UNIX sockets with the least framing that still delimits messages (a 4-byte
 * length, then the body), batched writes and a receiver that hands out one view per message:
 * the ceiling for any implementation written in Node, with none of ZMTP's work.
 */
export const rawNetContender: Contender = {
  id: "raw",
  description: "node:net UNIX socket, 4-byte length prefix, batched writes (the ceiling)",
  async throughput(path, size, count) {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const received = new Promise<void>((resolve, reject) => {
        server.once("connection", (socket) => {
          let seen = 0;
          const parser = lengthPrefixed(() => {
            if (++seen === count) {
              socket.destroy();
              resolve();
            }
          });
          socket.on("data", parser);
          socket.on("error", reject);
        });
      });
      const client = net.createConnection(path);
      await new Promise<void>((resolve) => client.once("connect", resolve));
      const body = Buffer.alloc(size, 0x61);
      let batch = Buffer.allocUnsafe(BATCH);
      let at = 0;
      // Like the reference's sessions: keep writing until 1 MiB waits in Node's buffer, then wait for drain.
      const write = async (chunk: Buffer) => {
        client.write(chunk);
        if (client.writableLength > WRITE_HIGH_WATER) await new Promise((resolve) => client.once("drain", resolve));
      };
      for (let i = 0; i < count; i++) {
        if (size < COPY_BELOW) {
          if (at + 4 + size > batch.length) {
            await write(batch.subarray(0, at));
            batch = Buffer.allocUnsafe(BATCH);
            at = 0;
          }
          batch.writeUInt32BE(size, at);
          body.copy(batch, at + 4);
          at += 4 + size;
        } else {
          const header = Buffer.allocUnsafe(4);
          header.writeUInt32BE(size, 0);
          client.write(header);
          await write(body);
        }
      }
      if (at > 0) await write(batch.subarray(0, at));
      await received;
      client.destroy();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  },
  async roundTrips(path, count) {
    const server = net.createServer((socket) => {
      socket.on(
        "data",
        lengthPrefixed((message) => {
          const header = Buffer.allocUnsafe(4);
          header.writeUInt32BE(message.length, 0);
          socket.write(Buffer.concat([header, message]));
        }),
      );
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(path, resolve));
    const client = net.createConnection(path);
    try {
      await new Promise<void>((resolve) => client.once("connect", resolve));
      let answered: (() => void) | undefined;
      client.on(
        "data",
        lengthPrefixed(() => answered?.()),
      );
      const frame = Buffer.alloc(4 + 16, 0x61);
      frame.writeUInt32BE(16, 0);
      const times: number[] = new Array(count);
      for (let i = 0; i < count; i++) {
        const started = process.hrtime.bigint();
        await new Promise<void>((resolve) => {
          answered = resolve;
          client.write(frame);
        });
        times[i] = Number(process.hrtime.bigint() - started);
      }
      return times;
    } finally {
      client.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  },
};

/**
 * A 'data' listener that calls `onMessage` with a view of each complete length-prefixed message.
 * A message split across chunks is joined once, when its last byte is there (never re-copied
 * chunk after chunk, which would make 1 MiB messages quadratic).
 */
export function lengthPrefixed(onMessage: (message: Buffer) => void): (chunk: Buffer) => void {
  let parts: Buffer[] = [];
  let buffered = 0;
  /** Bytes the split message needs in all (4 + size), 0 while its header is incomplete. */
  let needed = 0;
  return (chunk) => {
    if (parts.length > 0) {
      parts.push(chunk);
      buffered += chunk.length;
      if (needed === 0 && buffered >= 4) needed = 4 + Buffer.concat(parts).readUInt32BE(0);
      if (needed === 0 || buffered < needed) return;
      chunk = Buffer.concat(parts, buffered);
      parts = [];
      buffered = 0;
      needed = 0;
    }
    let at = 0;
    while (chunk.length - at >= 4) {
      const size = chunk.readUInt32BE(at);
      if (chunk.length - at - 4 < size) break;
      onMessage(chunk.subarray(at + 4, at + 4 + size));
      at += 4 + size;
    }
    if (at < chunk.length) {
      const rest = chunk.subarray(at);
      parts = [rest];
      buffered = rest.length;
      needed = rest.length >= 4 ? 4 + rest.readUInt32BE(0) : 0;
    }
  };
}
