// Says hello, passes the preflight, then is killed by a signal in its first real request (as by the OOM killer).
const kit = require("./kit");
kit.announce("killed-by-signal");
kit.hello();
kit.onRequest(() => {
  process.stderr.write("fake_zmq: allocating 64 GiB for the receive buffer\n");
  process.kill(process.pid, "SIGKILL");
});
