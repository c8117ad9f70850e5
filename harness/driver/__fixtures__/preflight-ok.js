// Says hello, then answers every request with success, including an op it cannot know.
const kit = require("./kit");
kit.announce("preflight-ok");
kit.hello();
kit.onRequest((request) => kit.write({ id: request.id, ok: true, result: null }), { answerPreflight: false });
kit.hang();
