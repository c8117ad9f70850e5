import type { Contender } from "../contender";

/** The part of zeromq.js v6's API the benchmark uses; the reference mirrors it. */
interface ZmqLikeSocket {
  bind(endpoint: string): Promise<void>;
  connect(endpoint: string): void;
  send(message: Buffer): Promise<void>;
  receive(): Promise<Buffer[]>;
  close(): void;
  linger: number;
}
type SocketClass = new (options?: Record<string, unknown>) => ZmqLikeSocket;

export interface ZmqLikeModule {
  Push: SocketClass;
  Pull: SocketClass;
  Request: SocketClass;
  Reply: SocketClass;
}

/**
 * A contender with zeromq.js's API, used the way its documentation shows: one awaited send()
 * and one awaited receive() per message. The reference and zeromq run the very same code.
 */
export function zmqLikeContender(id: string, description: string, zmq: ZmqLikeModule): Contender {
  return {
    id,
    description,
    async throughput(path, size, count) {
      const push = new zmq.Push();
      const pull = new zmq.Pull();
      try {
        await pull.bind(`ipc://${path}`);
        push.connect(`ipc://${path}`);
        const body = Buffer.alloc(size, 0x61);
        const receiving = (async () => {
          for (let i = 0; i < count; i++) await pull.receive();
        })();
        for (let i = 0; i < count; i++) await push.send(body);
        await receiving;
      } finally {
        closeNow(push, pull);
      }
    },
    async roundTrips(path, count) {
      const rep = new zmq.Reply();
      const req = new zmq.Request();
      try {
        await rep.bind(`ipc://${path}`);
        req.connect(`ipc://${path}`);
        const serving = (async () => {
          for (let i = 0; i < count; i++) {
            const [message] = await rep.receive();
            await rep.send(message);
          }
        })();
        const body = Buffer.alloc(16, 0x61);
        const times: number[] = new Array(count);
        for (let i = 0; i < count; i++) {
          const started = process.hrtime.bigint();
          await req.send(body);
          await req.receive();
          times[i] = Number(process.hrtime.bigint() - started);
        }
        await serving;
        return times;
      } finally {
        closeNow(req, rep);
      }
    },
  };
}

/** Linger 0: a benchmark's leftovers must not hold the process (libzmq waits for unsent messages otherwise). */
function closeNow(...sockets: ZmqLikeSocket[]): void {
  for (const socket of sockets) {
    socket.linger = 0;
    socket.close();
  }
}
