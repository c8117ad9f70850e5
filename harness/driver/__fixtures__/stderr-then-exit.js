// Explains itself on stderr and exits cleanly with a usage error code (64) before any hello.
require("./kit").announce("stderr-then-exit");
process.stderr.write("usage: driver --lib PATH (no library given)\n");
process.exitCode = 64; // the process ends here, once stderr is flushed
