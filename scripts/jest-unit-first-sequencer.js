// Test order for mutation runs (stryker.config.json): the unit tests next to the code first, the behaviour
// and interop tests (child processes, real connections, seconds each) last. Stryker stops a
// mutant's run at the first failing test file, so a mutant the unit tests kill costs their
// milliseconds instead of the slow files jest would otherwise start with (it runs the longest
// files first). The set of tests is unchanged; only the order is.
const Sequencer = require("@jest/test-sequencer").default;

function rank(file) {
  if (!/[\\/]__tests__[\\/]/.test(file)) return 0; // reference/zmtp/*.test.ts, reference/util/deque.test.ts, ...
  if (/[\\/]__tests__[\\/]wire\.test\.ts$/.test(file)) return 1;
  if (/[\\/]__tests__[\\/]behaviour-/.test(file)) return 2;
  if (/[\\/]__tests__[\\/]interop\.test\.ts$/.test(file)) return 4;
  return 3;
}

class UnitFirstSequencer extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
  }
}

module.exports = UnitFirstSequencer;
