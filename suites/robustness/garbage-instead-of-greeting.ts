import { garbageScenario } from "./garbage-attack";

export default garbageScenario({
  id: "robustness.garbage-instead-of-greeting",
  title:
    "Peers that send random bytes instead of a greeting leave the implementation alive, serving, and with its descriptors and memory back at their baseline",
  seed: 0x5eed0001,
  label: "garbage instead of a greeting",
  // Any first byte: 0xFF starts a ZMTP 3 signature, anything else looks like a ZMTP 1.0 length to libzmq.
  maxLength: 200,
});
