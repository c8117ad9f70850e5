import * as zmq from "zeromq";
import { zmqLikeContender } from "./zmq-like";

export const zeromqContender = zmqLikeContender("zeromq", `zeromq.js ${require("zeromq/package.json").version} (libzmq ${zmq.version})`, zmq as never);
