import { missingOperationScenario } from "./helpers";

export default missingOperationScenario({ type: "PUB", op: "receive", clause: "api.socket.pub-recv-not-implemented" });
