// Says hello, then reads requests and never answers any (a hang in the first call: the preflight).
const kit = require("./kit");
kit.announce("silent-after-hello");
kit.hello();
kit.onRequest((request) => process.stderr.write(`got request ${request.id} (${request.op}), thinking forever\n`), { answerPreflight: false });
kit.hang();
