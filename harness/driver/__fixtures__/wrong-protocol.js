// Says a hello for a protocol version the harness does not speak (2).
const kit = require("./kit");
kit.announce("wrong-protocol");
kit.hello({ protocol: 2 });
kit.hang();
