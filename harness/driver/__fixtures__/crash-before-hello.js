// Dies at start-up, before its hello: the library it wraps cannot be loaded (uncaught exception, exit code 1).
require("./kit").announce("crash-before-hello");
throw new Error("cannot open shared object file libfakezmq.so.5");
