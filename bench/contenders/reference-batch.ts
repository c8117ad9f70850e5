import * as reference from "../../reference";
import type { Contender } from "../contender";
import { referenceContender } from "./reference";

/** Messages per sendMany() call: enough that the per-call cost is spread thin, few enough to stay under the high-water mark's reach. */
const BATCH = 256;

/**
 * The reference through its batch path (sendMany/receiveMany, not in zeromq.js): throughput only,
 * since a REQ/REP round trip is one message each way whatever the API.
 */
export const referenceBatchContender: Contender = {
  id: "ref-batch",
  description: `this project's reference with sendMany()/receiveMany() (${BATCH} messages per call)`,
  async throughput(path, size, count) {
    const push = new reference.Push();
    const pull = new reference.Pull();
    try {
      await pull.bind(`ipc://${path}`);
      push.connect(`ipc://${path}`);
      const body = Buffer.alloc(size, 0x61);
      const receiving = (async () => {
        for (let received = 0; received < count;) received += (await pull.receiveMany(BATCH)).length;
      })();
      const batch: Buffer[] = new Array(BATCH).fill(body);
      for (let sent = 0; sent < count; sent += BATCH) await push.sendMany(count - sent >= BATCH ? batch : batch.slice(0, count - sent));
      await receiving;
    } finally {
      for (const socket of [push, pull]) {
        socket.linger = 0;
        socket.close();
      }
    }
  },
  roundTrips: referenceContender.roundTrips,
};
