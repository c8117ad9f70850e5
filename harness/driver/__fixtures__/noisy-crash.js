// Writes far more stderr than the harness keeps, then dies before its hello: only the tail is kept.
require("./kit").announce("noisy-crash");
for (let i = 0; i < 2000; i++) process.stderr.write(`noise line ${i} ${"-".repeat(60)}\n`);
process.stderr.write("the last words: fatal error E42\n");
process.exitCode = 3; // not process.exit(): that would drop what the pipe has not taken yet
