// Says hello, passes the preflight, then answers its first real request with a line that never ends (a flood in the middle of a run).
const kit = require("./kit");
kit.announce("flood-mid-run");
kit.hello({ socketTypes: ["PUSH", "PULL", "PAIR"] });
const chunk = "x".repeat(64 * 1024);
kit.onRequest((request) => {
  process.stderr.write(`fake_zmq: dumping the heap in answer to request ${request.id}\n`);
  process.stdout.write(`{"id":${request.id},"ok":true,"result":"`);
  const more = () => process.stdout.write(chunk, more); // until the harness ends us
  more();
});
