// Says hello, then refuses the preflight's unknown op as an implementation error (EINVAL) instead of "unsupported".
const kit = require("./kit");
kit.announce("preflight-error");
kit.hello();
kit.onRequest((request) => kit.write({ id: request.id, ok: false, error: { code: "EINVAL", message: `bad op ${request.op}` } }), { answerPreflight: false });
kit.hang();
