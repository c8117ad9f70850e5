import { missingOperationScenario } from "./helpers";

export default missingOperationScenario({ type: "PUSH", op: "receive", clause: "api.socket.recv-not-implemented" });
