// Says hello, then its library prints a debug line on stdout (which is for protocol lines only) instead of answering.
const kit = require("./kit");
kit.announce("garbage-stdout");
kit.hello();
kit.onRequest(() => process.stdout.write("DEBUG fake_zmq: io thread started\n"), { answerPreflight: false });
kit.hang();
