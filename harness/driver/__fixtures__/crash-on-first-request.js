// Says hello, passes the preflight, then dies on its first real request (uncaught exception, exit code 1).
const kit = require("./kit");
kit.announce("crash-on-first-request");
kit.hello();
kit.onRequest((request) => {
  throw new Error(`assertion failed in fake_zmq_${request.op} (src/socket.cpp:42)`);
});
