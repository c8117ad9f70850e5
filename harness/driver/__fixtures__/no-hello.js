// Starts, says something on stderr, and never prints its hello (a hang at start-up).
const kit = require("./kit");
kit.announce("no-hello");
process.stderr.write("waiting for a licence server that never answers\n");
kit.hang();
