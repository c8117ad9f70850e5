import { garbageScenario } from "./garbage-attack";

export default garbageScenario({
  id: "robustness.garbage-after-handshake",
  title: "Peers that complete the handshake and then send random bytes as traffic leave the implementation alive, serving, and back at its baseline",
  seed: 0x5eed0003,
  label: "garbage after the handshake",
  maxLength: 300,
  // Random traffic can decode as messages: the well-behaved peer's check reads past them.
  afterHandshake: true,
});
