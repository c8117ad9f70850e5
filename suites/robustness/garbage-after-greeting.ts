import { greeting } from "../raw-zmtp/zmtp-bytes";
import { garbageScenario } from "./garbage-attack";

export default garbageScenario({
  id: "robustness.garbage-after-greeting",
  title: "Peers that send a valid greeting and then random bytes where READY belongs leave the implementation alive, serving, and back at its baseline",
  seed: 0x5eed0002,
  label: "garbage after the greeting",
  maxLength: 300,
  lead: greeting(),
});
