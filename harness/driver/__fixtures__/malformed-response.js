// Says hello, then answers with JSON that is not a protocol response (its own idea of a refusal).
const kit = require("./kit");
kit.announce("malformed-response");
kit.hello();
kit.onRequest((request) => kit.write({ id: request.id, ok: false, reason: "no such operation" }), { answerPreflight: false });
kit.hang();
