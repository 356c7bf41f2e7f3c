'use strict';
/** Timing helpers shared by the bench parts (scripts/bench/*.js and scripts/bench-*.js). */
const { performance } = require('node:perf_hooks');

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Run `fn` once to warm up, then `runs` times: the median wall time in ms (`median`), and the median CPU time
 * of this process (`cpu`, user + system), which other people's jobs on a shared machine disturb far less.
 * `fn` may be async. Garbage from one run is collected before the next when node runs with --expose-gc.
 * `prepare`, when given, makes `fn`'s argument before each call, outside the timed part: fresh input per run, so
 * nothing a run caches on its input objects can speed up the next one.
 */
async function timeMedian(fn, runs = 5, prepare = () => undefined) {
  // Warm up until the JIT has settled: at least 3 calls or 300 ms, so small sizes are not charged for compiling.
  const warmStart = performance.now();
  for (let i = 0; i < 3 || performance.now() - warmStart < 300; i++) {
    await fn(prepare());
    if (i >= 50) break;
  }
  const times = [];
  const cpus = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    if (global.gc) global.gc();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn(input);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { median: median(times), cpu: median(cpus), runs, times };
}

const ms = (x) => `${x.toFixed(1)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(1)}×`;

module.exports = { median, timeMedian, ms, ratio };
