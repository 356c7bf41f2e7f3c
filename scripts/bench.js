#!/usr/bin/env node
'use strict';
/**
 * npm run bench — performance is measured here, never in unit tests.
 *
 *   node scripts/bench.js [--no-build] [--quick] [--only <name-substring>]
 *
 * Builds lib/ (tsc -p tsconfig.cli.json) first so it measures the code as shipped, then runs the parts:
 * the built-in ones in scripts/bench/ and then every scripts/bench-*.js, in name order.
 *
 * Adding a part (e.g. Office adapter sync counts, pane first-render time): create scripts/bench-<topic>.js
 * exporting `{ name: string, run(ctx): Promise<object|void> }`. `ctx` gives
 *   log(line)          print a line of the report
 *   quick              true with --quick (use smaller sizes)
 *   timing             { timeMedian(fn, runs, prepare), median(xs), ms(x), ratio(a, b) } from scripts/bench/timing.js
 *   lib(rel)           require a compiled module from lib/, e.g. lib('engine/index.js')
 *   generateWorkbook   (tableCount, perSheet) → { grids, hf, totals } report-sized tables (scripts/bench/generate.js)
 * Whatever `run` returns is saved under its name in bench-output/bench.json.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;

function build() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('bench: `tsc -p tsconfig.cli.json` failed; fix the build first (or pass --no-build to use lib/ as it is)\n');
    process.exit(2);
  }
}

function parts() {
  const builtIn = ['engine-vs-hyperformula', 'varied-tables', 'read-workbook'].map((n) => path.join(__dirname, 'bench', `${n}.js`));
  const extra = fs
    .readdirSync(__dirname)
    .filter((f) => /^bench-.+\.js$/.test(f))
    .sort()
    .map((f) => path.join(__dirname, f));
  return [...builtIn, ...extra];
}

/**
 * A part module as { name, run(ctx) }. A module that instead exports a `bench…(options)` function returning
 * { name, median, bar, unit, … } (as scripts/bench-pane.js does) is wrapped: called with { runs: 3 } under
 * --quick, and its result printed on one line.
 */
function asPart(mod, file) {
  const fallbackName = path.basename(file, '.js');
  if (typeof mod.run === 'function') return { name: mod.name || fallbackName, run: mod.run };
  const fnName = Object.keys(mod).find((k) => /^bench/.test(k) && typeof mod[k] === 'function');
  if (!fnName) return { name: fallbackName, run: async () => { throw new Error('exports neither run(ctx) nor a bench…() function'); } };
  return {
    name: fallbackName,
    run: async (ctx) => {
      const r = await mod[fnName](ctx.quick ? { runs: 3 } : {});
      if (r && typeof r.median === 'number') {
        const unit = r.unit || 'ms';
        const bar = r.bar !== undefined ? `; bar ≤ ${r.bar} ${unit}` : '';
        const spread = r.min !== undefined ? ` (min ${r.min}, max ${r.max}, ${r.runs} runs${bar})` : '';
        ctx.log(`${r.name || fallbackName}: median ${r.median} ${unit}${spread}${r.ok === false ? ' OVER' : ''}`);
      } else {
        ctx.log(JSON.stringify(r));
      }
      return r;
    },
  };
}

async function mainBench() {
  if (!flag('--no-build')) build();
  const timing = require('./bench/timing');
  const { lib } = require('./bench/lib-path');
  const { generateWorkbook } = require('./bench/generate');
  const results = {};
  const started = new Date();
  console.log(`report-tables bench — node ${process.version}, ${require('node:os').cpus().length} CPUs, ${started.toISOString()}`);
  for (const file of parts()) {
    const part = asPart(require(file), file);
    if (only && !part.name.includes(only)) continue;
    console.log(`\n== ${part.name} (${path.relative(root, file)})`);
    const ctx = { log: (line) => console.log(line), quick: flag('--quick'), timing, lib, generateWorkbook };
    try {
      results[part.name] = (await part.run(ctx)) ?? null;
    } catch (err) {
      console.log(`  failed: ${err && err.message ? err.message : err}`);
      results[part.name] = { failed: String(err && err.message ? err.message : err) };
      process.exitCode = 1;
    }
  }
  const outDir = path.join(root, 'bench-output');
  fs.mkdirSync(outDir, { recursive: true });
  // Parts run with --only update their own entries and leave the others' last results in place.
  const file = path.join(outDir, 'bench.json');
  let previous = {};
  try {
    previous = JSON.parse(fs.readFileSync(file, 'utf8')).results || {};
  } catch {
    previous = {};
  }
  const stamped = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, { at: started.toISOString(), node: process.version, result: v }]));
  fs.writeFileSync(file, `${JSON.stringify({ results: { ...previous, ...stamped } }, null, 2)}\n`);
  console.log(`\n(saved to ${path.relative(root, path.join(outDir, 'bench.json'))})`);
}

mainBench();
