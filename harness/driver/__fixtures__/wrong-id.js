// Says hello, then answers each request with an id the harness never sent.
const kit = require("./kit");
kit.announce("wrong-id");
kit.hello();
kit.onRequest((request) => kit.write({ id: request.id + 1000, ok: false, unsupported: `unknown op "${request.op}"` }), { answerPreflight: false });
kit.hang();
