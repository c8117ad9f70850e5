// Says hello, then answers the first request with a line that never ends.
const kit = require("./kit");
kit.announce("flood-stdout");
kit.hello();
const chunk = "x".repeat(64 * 1024);
kit.onRequest(
  (request) => {
    process.stdout.write(`{"id":${request.id},"ok":true,"result":"`);
    const more = () => process.stdout.write(chunk, more); // until the harness ends us
    more();
  },
  { answerPreflight: false },
);
