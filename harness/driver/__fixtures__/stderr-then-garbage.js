// Explains the problem on stderr and breaks the protocol IMMEDIATELY after (no pause between):
// the evidence is already written when the breach is seen.
const kit = require("./kit");
kit.hello();
kit.onRequest(
  () => {
    process.stderr.write("fake_zmq: about to print a banner on stdout\n");
    process.stdout.write("*** fake_zmq 1.0 banner ***\n");
  },
  { answerPreflight: false },
);
kit.hang();
