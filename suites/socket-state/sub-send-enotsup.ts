import { missingOperationScenario } from "./helpers";

export default missingOperationScenario({ type: "SUB", op: "send", clause: "api.socket.send-not-implemented" });
