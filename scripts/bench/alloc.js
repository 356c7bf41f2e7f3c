'use strict';
/**
 * Profiling aid, not part of npm run bench: how many bytes each engine stage allocates on the bench's 1,000
 * tables. Unlike time, allocation is the same on every run, so it can be compared on a busy machine.
 * Run with a young generation large enough that no collection happens inside a stage:
 *
 *   node --max-semi-space-size=512 --min-semi-space-size=512 scripts/bench/alloc.js [tables]
 *
 * Stages nest (detect holds layout, captions, blocks), so the rows do not add up to the total.
 */
const { lib } = require('./lib-path');
const { generateWorkbook } = require('./generate');

const stages = {
  detect: ['engine/detect/index.js', 'detectTables'],
  'detect/blocks': ['engine/detect/blocks.js', 'findBlocks'],
  'detect/layout': ['engine/detect/layout.js', 'analyzeBlock'],
  'detect/captions': ['engine/detect/captions.js', 'attachCaptions'],
  'rel/sums': ['engine/relations/sums.js', 'inferSumRelations'],
  'rel/figures': ['engine/relations/sum-values.js', 'figuresOf'],
  'rel/rates': ['engine/relations/rates.js', 'inferRateRelations'],
  'rel/diffs': ['engine/relations/diffs.js', 'inferDiffRelations'],
  'rel/captions': ['engine/relations/captions.js', 'inferCaptionRelations'],
  'check/cells': ['engine/checks/cell-checks.js', 'checkCells'],
  'check/sums': ['engine/checks/sums.js', 'checkSums'],
  'check/rates': ['engine/checks/rates.js', 'checkRates'],
  'check/prose': ['engine/checks/prose-rates.js', 'checkProseRates'],
  'check/diffs': ['engine/checks/diffs.js', 'checkDiffs'],
  'check/captions': ['engine/checks/captions.js', 'checkCaptions'],
  'check/years': ['engine/checks/years.js', 'checkYears'],
};

const bytes = {};
const heap = () => process.memoryUsage().heapUsed;
for (const [name, [file, fn]] of Object.entries(stages)) {
  const mod = lib(file);
  const original = mod[fn];
  if (typeof original !== 'function') {
    console.log(`(no ${fn} in ${file})`);
    continue;
  }
  bytes[name] = 0;
  // Compiled modules call each other through the exports object, so replacing the export catches every call.
  Object.defineProperty(mod, fn, {
    configurable: true,
    enumerable: true,
    writable: true,
    value(...args) {
      const before = heap();
      const out = original.apply(this, args);
      bytes[name] += heap() - before;
      return out;
    },
  });
}

const { checkWorkbook } = lib('engine/index.js');
const generated = generateWorkbook(+(process.argv[2] || 1000));
for (let i = 0; i < 3; i++) checkWorkbook(structuredClone(generated.grids));
for (const k of Object.keys(bytes)) bytes[k] = 0;
const input = structuredClone(generated.grids);
const before = heap();
checkWorkbook(input);
const total = heap() - before;
const mb = (b) => (b / 1e6).toFixed(2).padStart(7);
console.log(`checkWorkbook ${mb(total)} MB`);
for (const [k, v] of Object.entries(bytes).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(16)} ${mb(v)} MB`);
