import * as reference from "../../reference";
import { zmqLikeContender } from "./zmq-like";

export const referenceContender = zmqLikeContender("reference", "this project's TypeScript implementation (ZMTP 3.1 over node:net)", reference as never);
