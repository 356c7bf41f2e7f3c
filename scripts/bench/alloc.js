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
  // The derived rules and the checks append to one list per table through their *Into forms.
  'rel/rates': ['engine/relations/rates.js', 'inferRateRelationsInto'],
  'rel/diffs': ['engine/relations/diffs.js', 'inferDiffRelationsInto'],
  'rel/captions': ['engine/relations/captions.js', 'inferCaptionRelationsInto'],
  'check/cells': ['engine/checks/cell-checks.js', 'checkCells'],
  'check/sums': ['engine/checks/sums.js', 'checkSumsInto'],
  'check/rates': ['engine/checks/rates.js', 'checkRatesInto'],
  'check/prose': ['engine/checks/prose-rates.js', 'checkProseRatesInto'],
  'check/diffs': ['engine/checks/diffs.js', 'checkDiffsInto'],
  'check/captions': ['engine/checks/captions.js', 'checkCaptionsInto'],
  'check/years': ['engine/checks/years.js', 'checkYearsInto'],
};

const bytes = {};
const calls = {};
const heap = () => process.memoryUsage().heapUsed;
/** `original`, counting what each call allocates into bytes[name]. */
function measured(name, original) {
  bytes[name] = 0;
  calls[name] = 0;
  return function (...args) {
    const before = heap();
    const out = original.apply(this, args);
    bytes[name] += heap() - before;
    calls[name]++;
    return out;
  };
}

for (const [name, [file, fn]] of Object.entries(stages)) {
  const mod = lib(file);
  const original = mod[fn];
  if (typeof original !== 'function') {
    console.log(`(no ${fn} in ${file})`);
    continue;
  }
  // Compiled modules call each other through the exports object, so replacing the export catches every call.
  Object.defineProperty(mod, fn, { configurable: true, enumerable: true, writable: true, value: measured(name, original) });
}

const { checkWorkbook } = lib('engine/index.js');
const generated = generateWorkbook(+(process.argv[2] || 1000));
for (let i = 0; i < 3; i++) checkWorkbook(structuredClone(generated.grids));
for (const k of Object.keys(bytes)) bytes[k] = calls[k] = 0;

// Measuring allocates too (heapUsed's object, the wrapper's arguments): that much per call is taken off again.
const probe = measured('probe', (a, b, c, d) => a);
for (let i = 0; i < 1000; i++) probe(1, 2, 3, 4);
const overhead = bytes.probe / 1000;
delete bytes.probe;
delete calls.probe;

const input = structuredClone(generated.grids);
const before = heap();
checkWorkbook(input);
const measuring = Object.values(calls).reduce((a, b) => a + b, 0) * overhead;
const total = heap() - before - measuring;
for (const k of Object.keys(bytes)) bytes[k] -= calls[k] * overhead;
const mb = (b) => (b / 1e6).toFixed(2).padStart(7);
console.log(`checkWorkbook ${mb(total)} MB`);
for (const [k, v] of Object.entries(bytes).sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(16)} ${mb(v)} MB`);
