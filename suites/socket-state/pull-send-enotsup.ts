import { missingOperationScenario } from "./helpers";

export default missingOperationScenario({ type: "PULL", op: "send", clause: "api.socket.send-not-implemented" });
